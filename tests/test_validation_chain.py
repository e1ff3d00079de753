"""A validation pipeline built over several lines without ``.batch`` (real Keras).

keras-io's 3-D CT example builds both pipelines as ``loader.shuffle(n).map(f).batch(batch_size).prefetch(2)``;
the validation one without ``.batch`` (r683) reaches the model one sample at a time. The root cause is
the chain's own line inside the multi-line statement; the fix puts ``.batch(batch_size)`` before its
``prefetch``, spelled like the training chain.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras

rng = np.random.default_rng(0)
xs, ys = rng.random((12, 6)).astype("float32"), rng.random((12, 1)).astype("float32")
step = 4
train = (
    tf.data.Dataset.from_tensor_slices((xs[:8], ys[:8])).shuffle(8).batch(step).prefetch(1)
)
held = (
    tf.data.Dataset.from_tensor_slices((xs[8:], ys[8:])).shuffle(4).prefetch(1)
)
net = keras.Sequential([keras.Input((6,)), keras.layers.Dense(1)])
net.compile(optimizer="adam", loss="mse")
net.fit(train, validation_data=held, epochs=1, verbose=0)
'''


def test_the_validation_chain_is_batched_before_its_prefetch(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert "validation dataset yields single samples" in finding["message"]
    assert finding["culprit"]["line"] == line_of(SCRIPT, ".shuffle(4).prefetch(1)")
    first = finding["fixes"][0]
    assert first["code"] == "tf.data.Dataset.from_tensor_slices((xs[8:], ys[8:])).shuffle(4).batch(step).prefetch(1)"
    assert first["verified"]
