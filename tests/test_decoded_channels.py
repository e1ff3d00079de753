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


# A dataset: the images are decoded by a helper called inside ``ds.map(lambda d, k: (read_tile(d), k))`` (r875's
# pattern); the decode line gets ``channels=3``, and the dataset's own line is never sliced like an array
# (``ds.batch(6)[..., :3]`` is no Python a dataset accepts).
DATASET_SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

tiles = [tf.io.encode_png(np.random.randint(0, 255, size=(16, 16, 4)).astype("uint8")).numpy() for _ in range(24)]
kinds = np.random.randint(0, 3, size=(24,))


def read_tile(data):
    return tf.cast(tf.image.decode_png(data), tf.float32) / 255.0


ds = tf.data.Dataset.from_tensor_slices((tiles, kinds)).map(lambda d, k: (read_tile(d), k)).batch(6)
model = keras.Sequential([keras.Input(shape=(16, 16, 3)), layers.Conv2D(4, 3), layers.GlobalAveragePooling2D(),
                          layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(ds, epochs=1, verbose=0)
'''


def test_the_decoder_is_asked_for_the_models_channels(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, DATASET_SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(DATASET_SCRIPT, "return tf.cast(tf.image.decode_png(data), tf.float32) / 255.0")
    assert finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert first["code"] == "return tf.cast(tf.image.decode_png(data, channels=3), tf.float32) / 255.0"
    assert first["proven"]
    assert not any(".batch(6)[" in (f["code"] or "") for f in finding["fixes"])
