"""A softmax over one score per position, (batch, positions, 1), meant over the positions (real Keras; r1198).

A span-extraction model scores every token with ``Conv1D(1, 1)`` and applies ``Activation("softmax")`` without
the Flatten in between: each position's softmax is over a single value, always 1.0, and training on one-hot
positions runs without an error. Each head gets the Flatten before its softmax, verified on its own output (the
other head's identical slip does not make the first head's fix fail).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

TOKENS = 16
ids = np.random.randint(1, 50, size=(40, TOKENS))
starts = keras.utils.to_categorical(np.random.randint(0, TOKENS, size=40), TOKENS)
ends = keras.utils.to_categorical(np.random.randint(0, TOKENS, size=40), TOKENS)

inputs = keras.Input(shape=(TOKENS,))
hidden = layers.Embedding(50, 8)(inputs)
start = layers.Activation("softmax", name="start")(layers.Conv1D(1, 1)(hidden))
end = layers.Activation("softmax", name="end")(layers.Conv1D(1, 1)(hidden))
model = keras.Model(inputs, [start, end])
model.compile(optimizer="adam", loss=["categorical_crossentropy", "categorical_crossentropy"])
model.fit(ids, [starts, ends], epochs=1, verbose=0)
'''


def test_each_head_is_flattened_before_its_softmax(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    single = [f for f in report["findings"] if f["id"] == "SD207"]
    by_line = {f["culprit"]["line"]: f for f in single}
    for name in ("start", "end"):
        line = line_of(SCRIPT, f'{name} = layers.Activation("softmax"')
        first = by_line[line]["fixes"][0]
        assert first["verified"], first["title"]
        assert first["code"] == f'{name} = layers.Activation("softmax", name="{name}")(layers.Flatten()(layers.Conv1D(1, 1)(hidden)))'
    assert proc.returncode == 1
