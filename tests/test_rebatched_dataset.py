"""A tf.data dataset that already yields batches, batched again (real Keras).

tensorflow/tensorflow #78621 (r592): ``image_dataset_from_directory`` batches, and the EfficientNet
example's ``ds_train.batch(batch_size, drop_remainder=True)`` batches again: each element becomes a batch
of batches, ``(16, None, 64, 64, 3)`` against ``Input((64, 64, 3))``. The second ``.batch`` is the cause,
and the fix unbatches before it, proven by running the patched script; wrapping the model in
TimeDistributed is not offered. A dataset so small that ``drop_remainder`` leaves it empty is still
recorded (its element spec says the shapes).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

photos = np.random.default_rng(0).random((40, 24, 24, 3)).astype("float32")
kinds = np.random.default_rng(1).integers(0, 3, size=40)
stream = tf.data.Dataset.from_tensor_slices((photos, kinds)).batch(8)
stream = stream.map(lambda a, b: (a, tf.one_hot(b, 3)))
stream = stream.batch(4)

inputs = keras.Input((24, 24, 3))
h = layers.Conv2D(4, 3, activation="relu")(inputs)
outputs = layers.Dense(3, activation="softmax")(layers.GlobalAveragePooling2D()(h))
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(stream, epochs=1, verbose=0)
'''


def test_the_second_batch_is_the_cause_and_gets_an_unbatch(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "stream = stream.batch(4)")
    assert [f["code"] for f in finding["fixes"]] == ["stream = stream.unbatch().batch(4)"]
    assert finding["fixes"][0]["verified"]


def test_a_dataset_left_empty_by_drop_remainder_is_still_diagnosed(tmp_path):
    script = SCRIPT.replace("stream = stream.batch(4)", "stream = stream.batch(8, drop_remainder=True)")
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(script, "stream = stream.batch(8, drop_remainder=True)")
    assert finding["fixes"][0]["code"] == "stream = stream.unbatch().batch(8, drop_remainder=True)"
