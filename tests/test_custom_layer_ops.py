"""A custom layer whose own ``call()`` runs a backend op on its input (``tf.matmul(x, self.w)``): when
the op refuses the input's width, the width the op wanted is read from the op's own message
("Dimensions must be equal, but are 32 and 16 ... with input shapes: [?,10,32], [16,16]") and the
layer that made the width gets a verified fix (diagnosis/context.py ``_width_from_op``); an op on a
tensor the layer made itself is never read as what the layer wanted of its input: the layer's own line
that raised is the root cause then (diagnosis/layer_own_code.py).

Real scripts run under the recorder in this process; the first fix is applied and the patched
script run.
"""

from __future__ import annotations

from conftest import line_of
from training_calls import diagnose_as_run, runs_patched, write_body

HEAD_TF = "import tensorflow as tf\n"

SCORER = '''class Scorer(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def build(self, input_shape):
        self.w = self.add_weight(shape=(self.units, self.units), initializer="glorot_uniform")

    def call(self, x):
        score = tf.matmul(x, self.w)
        return tf.reduce_sum(score, axis=1)


inputs = keras.Input(shape=(10, 8))
h = layers.Dense(32)(inputs)
out = Scorer(16)(h)
model = keras.Model(inputs, layers.Dense(1)(out))
'''

# The layer's own two weights do not chain (its bug, not its input's): 8 -> units, then a (4, 1) weight.
INNER = SCORER.replace("self.w = self.add_weight(shape=(self.units, self.units), initializer=\"glorot_uniform\")",
                       "self.w = self.add_weight(shape=(input_shape[-1], self.units))\n"
                       "        self.v = self.add_weight(shape=(4, 1))").replace(
    "score = tf.matmul(x, self.w)", "score = tf.matmul(tf.matmul(x, self.w), self.v)")


def test_the_width_a_custom_layers_matmul_wanted_fixes_the_dense_that_made_it(tmp_path):
    body = HEAD_TF + SCORER
    script = write_body(tmp_path, body)
    _, diagnosis = diagnose_as_run(script)
    finding = diagnosis.findings[0]
    assert finding.id == "SD102" and finding.expected == "(None, 10, 16)" and finding.received == "(None, 10, 32)"
    head = len(script.read_text().splitlines()) - len(body.splitlines())
    assert finding.culprit.line == head + line_of(body, "layers.Dense(32)")
    first = finding.fixes[0]
    assert first.verified and first.code == "h = layers.Dense(16)(inputs)"
    assert runs_patched(tmp_path, first)


def test_an_op_on_a_tensor_the_layer_made_itself_names_the_layers_own_line(tmp_path):
    assert INNER != SCORER
    body = HEAD_TF + INNER
    script = write_body(tmp_path, body)
    _, diagnosis = diagnose_as_run(script)
    finding = diagnosis.findings[0]
    head = len(script.read_text().splitlines()) - len(body.splitlines())
    # 16 vs 4 inside the layer: the Dense that made the input's 32 is not the cause, no width of the
    # input would help, so no fix is proposed for it
    assert finding.culprit.line == head + line_of(body, "score = tf.matmul(tf.matmul(x, self.w), self.v)")
    assert finding.culprit.cls == "Scorer" and "own code" in finding.explanation
    assert finding.fixes == []
