"""A list of losses written in another order than the model's outputs (real Keras).

Hands-On ML chapter 14 (r490): outputs ``[class_output, loc_output]`` compiled with
``loss=["mse", "sparse_categorical_crossentropy"]``; each label array fits its own output, but under
the other output's loss. The compile call is the root cause and its list is reordered, verified on a
real training step.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras

rng = np.random.default_rng(0)
x = rng.random((40, 6)).astype("float32")
ids, boxes = rng.integers(0, 3, size=(40,)), rng.random((40, 4)).astype("float32")
inp = keras.Input((6,))
hidden = keras.layers.Dense(8, activation="relu")(inp)
model = keras.Model(inp, [keras.layers.Dense(3, activation="softmax")(hidden), keras.layers.Dense(4)(hidden)])
model.compile(optimizer="adam", loss=["mse", "sparse_categorical_crossentropy"])
model.fit(x, [ids, boxes], epochs=1, verbose=0)
'''


def test_losses_listed_in_another_order_are_reordered(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["kind"] == "loss"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "model.compile(")
    fix = finding["fixes"][0]
    assert fix["verified"]
    assert 'loss=["sparse_categorical_crossentropy", "mse"]' in fix["code"]
    assert 'loss=["sparse_categorical_crossentropy", "mse"]' in written_and_run(run_cli, tmp_path)
