"""Per-step states joined with concatenate where a sequence was meant (real Keras and TensorFlow; r1154).

A layer of one's own runs a recurrent loop by hand, collects one (batch, units) state per step, and hands them to a
layer that reads sequences. ``ops.concatenate(states, axis=1)`` gives (batch, steps * units); the reader refuses it.
The join's line is the root cause and ``ops.stack(states, axis=1)`` the one fix, proven by running the patched
script. A join the reader does accept, or a list of tensors of different shapes, is left alone.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops

hidden, steps, channels = 16, 5, 3


class LoopEncoder(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.cell = layers.Dense(hidden, activation="tanh")
        self.reader = layers.LSTM(8)

    def call(self, inputs):
        state = ops.zeros((ops.shape(inputs)[0], hidden))
        states = []
        for t in range(steps):
            state = self.cell(ops.concatenate([inputs[:, t, :], state], axis=-1))
            states.append(state)
        sequence = ops.concatenate(states, axis=1)
        return self.reader(sequence)


batch = np.random.rand(6, steps, channels).astype("float32")
print(LoopEncoder()(batch).shape)
'''


def test_the_join_is_the_root_cause_and_stack_the_proven_fix(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, "sequence = ops.concatenate(states, axis=1)")
    assert finding["culprit"]["line"] == line
    [fix] = finding["fixes"]
    assert fix["line"] == line and fix["code"] == "sequence = ops.stack(states, axis=1)"
    assert fix["verified"] and fix["proven"]
    assert "(6, 5, 16)" in finding["explanation"]


def test_states_of_different_shapes_are_not_read_as_steps(tmp_path):
    odd = SCRIPT.replace("            states.append(state)\n",
                         "            states.append(state if t else state[:, :8])\n")
    report, _, proc = run_json(run_cli, tmp_path, odd)
    assert proc.returncode == 1, proc.stderr
    assert all("stack" not in f["title"] for f in report["findings"][0]["fixes"])
