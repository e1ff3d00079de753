"""A model's own call subtracts its inputs from a one-unit reconstruction (real Keras; ``run --json``).

Hands-On ML's ReconstructingRegressor sizes its reconstruction layer from the inputs; made
``Dense(output_dim)`` (1 unit) it gives (batch, 1), which ``reconstruction - inputs`` stretches over
the 8 features without an error. The reconstruction layer is the root cause and ``Dense(8)`` on its
line the fix (not the constructor argument, which sizes the output layer too) (r405). A dueling
network adding a one-unit state value to its advantages is a broadcast by design: no warning.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops

x = np.random.rand(64, 8).astype("float32")
y = np.random.rand(64).astype("float32")


class Reconstructing(keras.Model):
    def __init__(self, output_dim):
        super().__init__()
        self.hidden = layers.Dense(16, activation="relu")
        self.out = layers.Dense(output_dim)
        self.reconstruct = layers.Dense(output_dim)

    def call(self, inputs):
        z = self.hidden(inputs)
        self.add_loss(0.05 * ops.mean(ops.square(self.reconstruct(z) - inputs)))
        return self.out(z)


model = Reconstructing(1)
model.compile(loss="mse", optimizer="adam")
model.fit(x, y, epochs=1, verbose=0)
'''

DUELING = '''import numpy as np
import keras
from keras import layers, ops

states = np.random.rand(64, 6).astype("float32")
targets = np.random.rand(64, 4).astype("float32")


class Dueling(keras.Model):
    def __init__(self, actions):
        super().__init__()
        self.body = layers.Dense(16, activation="relu")
        self.value = layers.Dense(1)
        self.advantage = layers.Dense(actions)

    def call(self, inputs):
        h = self.body(inputs)
        a = self.advantage(h)
        return self.value(h) + (a - ops.mean(a, axis=1, keepdims=True))


model = Dueling(4)
model.compile(loss="mse", optimizer="adam")
model.fit(states, targets, epochs=1, verbose=0)
print("ok")
'''


def test_a_one_unit_reconstruction_against_the_inputs_is_a_silent_broadcast(tmp_path):
    report, _, _proc = run_json(run_cli, tmp_path, SCRIPT)
    finding = report["findings"][0]
    assert finding["id"] == "SD205" and finding["severity"] == "warning"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "self.reconstruct = layers.Dense(")
    assert finding["fixes"][0]["code"].strip() == "self.reconstruct = layers.Dense(8)"


def test_a_dueling_state_value_is_not_flagged(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, DUELING)
    assert proc.returncode == 0, proc.stderr
    assert report["findings"] == []
