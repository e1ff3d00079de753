"""Inputs passed in another order, through a list bound to a name (real Keras; ``run --json``).

Deep Learning with Python's ticket model takes ``[title, text_body, tags]``; a script that builds
``input_data = [title_data, tags_data, text_body_data]`` and calls ``fit(input_data, ...)`` has the
order wrong on the list's line, not on the ``fit`` line: that line is the root cause and the fix
reorders the list there (r371).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

title = keras.Input(shape=(30,), name="title")
body = keras.Input(shape=(30,), name="body")
tags = keras.Input(shape=(5,), name="tags")
x = layers.Dense(8, activation="relu")(layers.Concatenate()([title, body, tags]))
model = keras.Model(inputs=[title, body, tags], outputs=layers.Dense(1)(x))
model.compile(optimizer="adam", loss="mse")
title_data, body_data = np.random.rand(40, 30), np.random.rand(40, 30)
tags_data = np.random.rand(40, 5)
input_data = [title_data, tags_data, body_data]
model.fit(input_data, np.random.rand(40, 1), epochs=1, verbose=0)
'''


def test_inputs_in_the_wrong_order_are_reordered_in_the_list_that_names_them(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    listed = line_of(SCRIPT, "input_data = [")
    assert finding["id"] == "SD201" and finding["culprit"]["line"] == listed
    first = finding["fixes"][0]
    assert first["code"] == "input_data = [title_data, body_data, tags_data]" and first["line"] == listed
    assert first["verified"]
