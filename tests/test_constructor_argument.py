"""A custom block made with the wrong size where it is created (real Keras, subclassed model).

Hands-On ML 3, chapter 12 (r510): ``ResidualBlock(2, 64)`` on a 30-unit tensor; its Dense layers
read ``n_neurons``. The line that made this block is the root cause and gets the size (proven);
writing ``Dense(30)`` inside the class, which would resize every block, stays second.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras


class Block(keras.layers.Layer):
    def __init__(self, width, **kwargs):
        super().__init__(**kwargs)
        self.inner = [keras.layers.Dense(width, activation="relu") for _ in range(2)]

    def call(self, inputs):
        z = inputs
        for layer in self.inner:
            z = layer(z)
        return inputs + z


class Net(keras.Model):
    def __init__(self):
        super().__init__()
        self.first = keras.layers.Dense(12)
        self.a = Block(12)
        self.b = Block(20)
        self.head = keras.layers.Dense(1)

    def call(self, x):
        return self.head(self.b(self.a(self.first(x))))


model = Net()
model.compile(optimizer="adam", loss="mse")
model.fit(np.ones((16, 5)), np.ones((16, 1)), epochs=1, verbose=0)
'''


def test_the_block_is_resized_where_it_is_made(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "self.b = Block(20)")
    assert finding["fixes"][0]["code"] == "self.b = Block(12)"
    assert finding["fixes"][0]["proven"]
