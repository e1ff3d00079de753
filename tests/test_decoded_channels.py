"""Images decoded with their file's own channels where the model takes another number (real Keras).

imfing/keras-flask-deploy-webapp #23 (r642): an RGBA PNG upload decoded by ``tf.io.decode_png`` keeps its 4
channels, and ``predict`` refuses them for a 3-channel model. Followed back through the helper's
assignments, the decode line is the cause and ``channels=3`` the fix, proven by running the patched
script; a grayscale model gets ``channels=1`` the same way.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

net = keras.Sequential([keras.Input((16, 16, 1)), layers.Conv2D(4, 3), layers.Flatten(), layers.Dense(2)])
photo = tf.io.encode_jpeg(np.random.randint(0, 255, (20, 20, 3), dtype=np.uint8)).numpy()


def prepare(blob):
    pic = tf.io.decode_jpeg(blob)
    pic = tf.image.resize(pic, (16, 16)) / 255.0
    return pic[None]


batch = prepare(photo)
print(net.predict(batch, verbose=0).shape)
'''


def test_the_decode_line_gets_the_models_channels(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1 and report["status"] == "mismatch", proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "pic = tf.io.decode_jpeg(blob)")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "pic = tf.io.decode_jpeg(blob, channels=1)", first
