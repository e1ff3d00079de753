"""A loss factory given its sizes in another order than the output layer (real Keras; ``run --json``).

The mixture-density example builds the loss with ``get_mixture_loss_func(output_dim, num_mixes)``
and the output with ``MixtureDensityOutput(OUTPUT_DIMS, N_MIXES)``; called with the two names
swapped, the loss's own reshape fails while ``fit`` runs. The factory call is the root cause and the
layer's order the fix, proven by the patched script (r416).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops

OUT_DIMS = 1
N_MIX = 4


class MixtureOutput(layers.Layer):
    def __init__(self, out_dims, n_mix):
        super().__init__()
        self.mus = layers.Dense(out_dims * n_mix)
        self.pis = layers.Dense(n_mix)

    def call(self, x):
        return ops.concatenate([self.mus(x), self.pis(x)], axis=-1)


def make_loss(out_dims, n_mix):
    def loss(y_true, y_pred):
        y_pred = ops.reshape(y_pred, (-1, out_dims * n_mix + n_mix))
        mus = ops.reshape(y_pred[:, :out_dims * n_mix], (-1, n_mix, out_dims))
        return ops.mean(ops.square(ops.reshape(y_true, (-1, 1, out_dims)) - mus))
    return loss


x = np.random.rand(64, 1).astype("float32")
y = np.random.rand(64).astype("float32")
model = keras.Sequential([keras.Input(shape=(1,)), layers.Dense(8), MixtureOutput(OUT_DIMS, N_MIX)])
model.compile(loss=make_loss(N_MIX, OUT_DIMS), optimizer="adam")
model.fit(x, y, epochs=1, batch_size=16, verbose=0)
'''


def test_the_factory_call_gets_the_layers_order(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "model.compile(")
    first = finding["fixes"][0]
    assert first["proven"] and "make_loss(OUT_DIMS, N_MIX)" in first["code"]
