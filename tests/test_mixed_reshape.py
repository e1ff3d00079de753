"""A Reshape used as a transpose on channels-first maps, silently mixing positions (real Keras).

keras-team/keras #2167 (r601): (channels, 7, 7) maps reshaped to (49, channels) run without a word, but
each row then mixes several positions' values. The reply puts ``Permute((2, 3, 1))`` first. The Reshape
is the cause and the Permute the fix, verified by replaying the model. Channels-last maps reshaped the
same way are right and stay silent.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input((32, 5, 5)),
    layers.Reshape((25, 32)),
    layers.GRU(8),
    layers.Dense(2, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
rng = np.random.default_rng(0)
model.fit(rng.random((16, 32, 5, 5)), rng.integers(0, 2, size=16), epochs=1, verbose=0)
'''


def test_the_reshape_is_flagged_and_a_permute_inserted(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1 and report["status"] == "warning", proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD103" and finding["severity"] == "warning"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "layers.Reshape((25, 32)),")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "layers.Permute((2, 3, 1)),", first


def test_channels_last_maps_stay_silent(tmp_path):
    script = SCRIPT.replace("keras.Input((32, 5, 5))", "keras.Input((5, 5, 32))").replace(
        "rng.random((16, 32, 5, 5))", "rng.random((16, 5, 5, 32))")
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 0 and report["status"] == "ok", report["findings"]
