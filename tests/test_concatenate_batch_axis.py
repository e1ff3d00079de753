"""A Concatenate layer told to join along the batch axis (real Keras).

keras-io's attention MIL example (r654): ``layers.concatenate(weighted, axis=0)`` stacks a bag's instances
as extra samples, Keras builds the model, and only the loss notices (8 labels against a (24, 2)
output). The join is the cause and ``axis=-1`` the fix, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

a_in, b_in = keras.Input((4,)), keras.Input((4,))
both = layers.Concatenate(axis=0)([layers.Dense(3)(a_in), layers.Dense(3)(b_in)])
model = keras.Model([a_in, b_in], layers.Dense(1)(both))
model.compile(loss="mse", optimizer="adam")
model.fit([np.random.rand(10, 4), np.random.rand(10, 4)], np.random.rand(10, 1), epochs=1, verbose=0)
'''


def test_the_join_on_the_batch_axis_is_the_cause(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1 and report["status"] == "mismatch", proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "layers.Concatenate(axis=0)")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"].startswith("both = layers.Concatenate(axis=-1)("), first
