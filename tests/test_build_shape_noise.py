"""A layer of the user's own that draws noise with the input shape it saved in ``build`` (real Keras).

``build`` sees ``(None, 4)``; ``keras.random.uniform(shape=self.kept)`` in ``call`` cannot be drawn with
an unknown batch axis: "Failed to convert elements of (None, 4) to Tensor" (r671). The draw is the root
cause; the fix takes the shape of the tensor ``call`` holds, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops


class Jitter(layers.Layer):
    def build(self, shape):
        self.kept = shape

    def call(self, x):
        return x + 0.1 * keras.random.uniform(shape=self.kept)


inp = keras.Input((4,))
net = keras.Model(inp, layers.Dense(1)(Jitter()(layers.Dense(4)(inp))))
net.compile(optimizer="adam", loss="mse")
net.fit(np.zeros((8, 4)), np.zeros((8, 1)), epochs=1, verbose=0)
'''


def test_noise_drawn_with_the_build_time_shape_takes_the_tensor_shape(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD107"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "keras.random.uniform(shape=self.kept)")
    first = finding["fixes"][0]
    assert first["code"] == "return x + 0.1 * keras.random.uniform(shape=ops.shape(x))" and first["proven"]
