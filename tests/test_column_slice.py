"""Columns cut from a table one short of the declared input, in a two-input model (real Keras; ``run --json``).

Hands-On ML's wide & deep regressor declares ``Input(shape=[6])`` for features 2 to 7; cut as
``X_train[:, 3:]`` the deep data has 5. The cut is moved where the data is made
(``X_train[:, 2:]``), with the validation table cut alike, and verified on a training step; the
second input's index no longer breaks the check of a one-output model (r377).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

X_train, y_train = np.random.rand(64, 8), np.random.rand(64)
X_valid, y_valid = np.random.rand(16, 8), np.random.rand(16)

input_wide = layers.Input(shape=[5])
input_deep = layers.Input(shape=[6])
hidden = layers.Dense(8, activation="relu")(input_deep)
output = layers.Dense(1)(layers.concatenate([input_wide, hidden]))
model = keras.Model(inputs=[input_wide, input_deep], outputs=[output])
model.compile(loss="mse", optimizer="adam")
X_train_wide, X_train_deep = X_train[:, :5], X_train[:, 3:]
X_valid_wide, X_valid_deep = X_valid[:, :5], X_valid[:, 3:]
model.fit((X_train_wide, X_train_deep), y_train, epochs=1, verbose=0,
          validation_data=((X_valid_wide, X_valid_deep), y_valid))
'''


def test_the_column_cut_moves_where_the_data_is_made(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "X_train_wide, X_train_deep =")
    first = finding["fixes"][0]
    assert first["verified"]
    assert first["code"].splitlines() == ["X_train_wide, X_train_deep = X_train[:, :5], X_train[:, 2:]",
                                          "X_valid_wide, X_valid_deep = X_valid[:, :5], X_valid[:, 2:]"]
