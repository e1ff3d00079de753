"""A user layer made with the wrong value for its sublayer's size (real Keras): the line that made it.

keras-io's video Transformer (r1056): ``PositionalEmbedding(sequence_length, dense_dim)`` where ``embed_dim``
was meant; the layer's Embedding gets ``output_dim=4`` and ``inputs + positions`` fails on 64 against 4 inside
the layer's ``call``. The root cause is the constructor call; the fix passes the variable of that scope
holding the needed width, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import keras
from keras import layers, ops


class Positions(layers.Layer):
    def __init__(self, length, output_dim, **kwargs):
        super().__init__(**kwargs)
        self.table = layers.Embedding(input_dim=length, output_dim=output_dim)

    def call(self, inputs):
        return inputs + self.table(ops.arange(ops.shape(inputs)[1]))


def build():
    steps, embed_dim, hidden_dim = 5, 12, 3
    inputs = keras.Input(shape=(steps, embed_dim))
    x = Positions(steps, hidden_dim)(inputs)
    return keras.Model(inputs, layers.Dense(2)(layers.GlobalAveragePooling1D()(x)))


model = build()
'''


def test_the_call_that_made_the_layer_passes_the_width_its_code_combines_with(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, "x = Positions(steps, hidden_dim)(inputs)")
    assert finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert first["code"] == "x = Positions(steps, embed_dim)(inputs)" and first["verified"]
