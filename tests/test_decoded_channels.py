"""Images decoded in a tf.data pipeline with the file's own channels (real Keras).

PNG tiles with an alpha channel are decoded by ``tf.image.decode_png(data)`` inside ``ds.map``: 4 channels
reach a model declared for 3. The root cause is the decode line; the fix asks the decoder for the model's
channels, ``channels=3``, proven by running the patched script. A dataset's making line is never sliced
like an array (``ds.batch(8)[..., :3]`` is no Python a dataset accepts).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
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
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, "return tf.cast(tf.image.decode_png(data), tf.float32) / 255.0")
    assert finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert first["code"] == "return tf.cast(tf.image.decode_png(data, channels=3), tf.float32) / 255.0"
    assert first["proven"]
    assert not any(".batch(6)[" in (f["code"] or "") for f in finding["fixes"])
