"""A loss function of the user's own raising on labels and an output of different shapes (real Keras).

kuza55/keras-extras #28 (r570): a two-class per-pixel softmax trained with a flattened soft-Dice loss on
masks of one channel. The error is raised inside the user's function, so no layer call is recorded and
no pre-flight knows what the function compares. The labels are the cause (class ids against one channel
per class), ``to_categorical(masks, 2)`` the first fix, one sigmoid output channel the second; the
first is proven by running the patched script with the user's own loss.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops


def overlap_loss(y_true, y_pred):
    t = ops.reshape(y_true, (-1,))
    p = ops.reshape(y_pred, (-1,))
    return 1.0 - 2.0 * ops.sum(t * p) / (ops.sum(t) + ops.sum(p) + 1.0)


inputs = keras.Input((16, 16, 3))
h = layers.Conv2D(8, 3, padding="same", activation="relu")(inputs)
outputs = layers.Conv2D(3, 1, activation="softmax")(h)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss=overlap_loss)

rng = np.random.default_rng(4)
tiles = rng.random((24, 16, 16, 3)).astype("float32")
masks = rng.integers(0, 3, size=(24, 16, 16, 1)).astype("float32")
model.fit(tiles, masks, batch_size=8, epochs=1, verbose=0)
'''


def test_class_id_masks_are_one_hot_encoded_for_the_users_loss(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["kind"] == "labels"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "masks = rng.integers(")
    first = finding["fixes"][0]
    assert first["verified"] and "keras.utils.to_categorical(masks, 3)" in first["code"], finding["fixes"]
    assert any('layers.Conv2D(1, 1, activation="sigmoid")' in f["code"] for f in finding["fixes"][1:])


def test_a_width_mismatch_names_the_output_layer(tmp_path):
    # Real-valued targets with 2 channels against 3 output channels: no class ids, the head's width.
    script = SCRIPT.replace('masks = rng.integers(0, 3, size=(24, 16, 16, 1)).astype("float32")',
                            'masks = rng.random((24, 16, 16, 2)).astype("float32")')
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(script, 'outputs = layers.Conv2D(3, 1, activation="softmax")(h)')
    assert any(f["verified"] and "layers.Conv2D(2, 1" in f["code"] for f in finding["fixes"]), finding["fixes"]
