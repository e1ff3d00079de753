"""Position indices counted to another length than the sequences they are added to (real Keras).

A functional model adds a position table, looked up with ``ops.arange(...)``, to token embeddings. Counted
one too far, Keras's own symbolic check refuses the sum ("Cannot broadcast shape ... [None, 6, 8] and
[7, 8]") outside any layer. The count is the root cause; the fix counts to the length the ``Input``
declares, spelled as the script spells it, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops

WINDOW = 6
tokens = keras.Input(shape=(WINDOW,), dtype="int32")
embedded = layers.Embedding(30, 8)(tokens)
where = ops.arange(WINDOW + 1)
summed = embedded + layers.Embedding(WINDOW + 1, 8)(where)
out = layers.Dense(1)(layers.GlobalAveragePooling1D()(summed))
net = keras.Model(tokens, out)
net.compile(optimizer="adam", loss="mse")
net.fit(np.zeros((4, WINDOW), "int32"), np.zeros((4, 1)), epochs=1, verbose=0)
'''


def test_the_count_of_positions_is_the_root_cause(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "where = ops.arange(WINDOW + 1)")
    first = finding["fixes"][0]
    assert first["code"] == "where = ops.arange(WINDOW)" and first["proven"]


def test_keras_symbolic_broadcast_message_is_recognised():
    from shapedoctor.messages import parse

    facts = parse("ValueError: Cannot broadcast shape, the failure dim has value 6, which cannot be broadcasted "
                  "to 7. Input shapes are: [None, 6, 8] and [7, 8].")
    assert facts is not None and facts.family == "SD104"
    assert facts.shapes == ["(None, 6, 8)", "(7, 8)"]
