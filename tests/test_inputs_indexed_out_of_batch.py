"""Every input of a two-input model indexed out of its batch at predict time (real Keras).

The keras-io video classifier (r1097) prepares one clip as ``frame_features`` (1, 20, 64) and ``frame_mask``
(1, 20), then predicts on ``[frame_features[0], frame_mask[0]]``: both inputs lose their batch axis, so giving
one of them its axis back cannot be verified. One fix gives each its batch axis back where the list is
written: the array itself for a batch of one, ``v[k:k + 1]`` for a sample picked out of several.
"""

from __future__ import annotations

from conftest import run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

steps = keras.Input(shape=(6, 4))
mask = keras.Input(shape=(6,), dtype="bool")
pooled = layers.GlobalAveragePooling1D()(steps, mask=mask)
model = keras.Model([steps, mask], layers.Dense(3, activation="softmax")(pooled))
clip = np.random.default_rng(0).random((1, 6, 4)).astype("float32")
valid = np.ones((1, 6), dtype="bool")
print(model.predict([clip[0], valid[0]], verbose=0))
'''


def test_a_batch_of_one_taken_apart_is_passed_whole(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    first = report["findings"][0]["fixes"][0]
    assert first["code"] == "print(model.predict([clip, valid], verbose=0))" and first["verified"], first


def test_a_sample_picked_out_of_several_keeps_its_batch_axis_by_slicing(tmp_path):
    script = SCRIPT.replace("random((1, 6, 4))", "random((5, 6, 4))").replace("ones((1, 6)", "ones((5, 6)").replace(
        "[clip[0], valid[0]]", "[clip[2], valid[2]]")
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    first = report["findings"][0]["fixes"][0]
    assert first["code"] == "print(model.predict([clip[2:3], valid[2:3]], verbose=0))" and first["verified"], first
