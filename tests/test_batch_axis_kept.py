"""A fix must leave the model's output with its batch axis (the ``batch_axis`` invariant, real Keras).

The Fibonacci attention tutorial (r1042): a custom attention layer scores each time step and sums the
hidden states over axis 1; after a ``SimpleRNN`` without ``return_sequences`` it gets ``(None, 8)``, its
bias is built ``(8, 1)``, and the sum leaves ``(8,)``: no batch axis, and the ``Dense`` after it refuses.
``Reshape((1,))`` after the layer builds, and even trains (the loss broadcasts), on a "batch" of the 8
hidden units: it must not be called verified. The root cause is the recurrent layer; keeping its time
axis is the fix, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops


class TimeAttention(layers.Layer):
    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1], 1), initializer="random_normal")
        self.b = self.add_weight(shape=(input_shape[1], 1), initializer="zeros")

    def call(self, x):
        scores = ops.squeeze(ops.tanh(ops.matmul(x, self.w) + self.b), axis=-1)
        weights = ops.expand_dims(ops.softmax(scores), axis=-1)
        return ops.sum(x * weights, axis=1)


steps, units = 12, 6
rng = np.random.default_rng(2)
series = rng.random((64, steps, 1)).astype("float32")
targets = rng.random((64,)).astype("float32")

inputs = keras.Input(shape=(steps, 1))
states = layers.SimpleRNN(units, activation="tanh")(inputs)
context = TimeAttention()(states)
outputs = layers.Dense(1)(context)
model = keras.Model(inputs, outputs)
model.compile(loss="mse", optimizer="adam")
model.fit(series, targets, epochs=1, batch_size=16, verbose=0)
'''


def test_a_fix_that_leaves_no_batch_axis_is_not_verified_and_the_rnn_keeps_its_steps(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "states = layers.SimpleRNN(")
    first = finding["fixes"][0]
    assert first["code"] == 'states = layers.SimpleRNN(units, activation="tanh", return_sequences=True)(inputs)'
    assert first["verified"] and first["checks"]["batch_axis"] is True
    assert not any(fix["verified"] and "Reshape((1,))" in fix["code"] for fix in finding["fixes"])
    assert "return_sequences=True" in written_and_run(run_cli, tmp_path)


def test_every_invariant_has_words_in_the_report():
    """The report's "checked:" line names each invariant in words, never by its JSON key."""
    from shapedoctor.render import checks_text
    from shapedoctor.repair.invariants import INVARIANTS

    text = checks_text({name: True for name in INVARIANTS} | {"proof": True})
    shown = [item.rsplit(" ", 1)[0] for item in text.removeprefix("checked: ").split(", ")]
    assert not set(shown) & {*INVARIANTS, "proof"}, shown
    assert "batch axis kept ✓" in text
