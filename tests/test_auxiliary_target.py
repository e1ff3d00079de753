"""One label array for a model with a main and an auxiliary output of the same shape (real Keras).

Hands-On ML 3, chapter 10 (r509): the wide & deep model with an auxiliary head is fitted with
``y_train`` alone. Both heads predict the same target, so each output gets the same labels,
``[y_train, y_train]``, and ``validation_data`` is rewritten alike, or the patched script would
fail at the first validation pass. Outputs of different shapes get no such guess.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras

rng = np.random.default_rng(3)
x_a, x_b = rng.random((64, 3)), rng.random((64, 4))
target = rng.random((64, 1))
a = keras.Input((3,))
b = keras.Input((4,))
hidden = keras.layers.Dense(8, activation="relu")(b)
main = keras.layers.Dense(1)(keras.layers.concatenate([a, hidden]))
aux = keras.layers.Dense(1)(hidden)
model = keras.Model([a, b], [main, aux])
model.compile(optimizer="adam", loss=["mse", "mse"], loss_weights=[0.9, 0.1])
model.fit((x_a, x_b), target, epochs=1,
          validation_data=((x_a[:16], x_b[:16]), target[:16]), verbose=0)
'''


def test_auxiliary_output_gets_the_same_labels(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "model.fit((x_a, x_b), target")
    assert finding["fixes"][0]["code"] == "model.fit((x_a, x_b), [target, target], epochs=1,"
    assert finding["fixes"][0]["verified"]
    written = written_and_run(run_cli, tmp_path)
    assert "[target, target]" in written and "[target[:16], target[:16]]" in written


def test_outputs_of_other_shapes_get_no_repeated_labels(tmp_path):
    other = SCRIPT.replace("aux = keras.layers.Dense(1)(hidden)", "aux = keras.layers.Dense(2)(hidden)")
    report, _, proc = run_json(run_cli, tmp_path, other)
    assert proc.returncode == 1, proc.stderr
    assert all("[target, target]" not in f["code"] for f in report["findings"][0]["fixes"])
