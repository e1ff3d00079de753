"""One-hot labels for a sparse loss called in the user's own training loop (real Keras).

The tf.distribute custom-training tutorial (r485): labels one-hot encoded with ``to_categorical``
reach ``SparseCategoricalCrossentropy`` inside a hand-written train step. No ``fit`` saw them; the
script's ``to_categorical`` line is the root cause and keeps the class ids, proven by the patched run.
"""

from __future__ import annotations

import json

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras

rng = np.random.default_rng(1)
x = rng.random((64, 5)).astype("float32")
y = keras.utils.to_categorical(rng.integers(0, 3, size=64), 3)
model = keras.Sequential([keras.Input((5,)), keras.layers.Dense(3)])
loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
optimizer = keras.optimizers.SGD(0.1)

for step in range(0, 64, 16):
    with tf.GradientTape() as tape:
        loss = loss_fn(y[step:step + 16], model(x[step:step + 16]))
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
print(float(loss))
'''


def test_to_categorical_line_is_the_cause_for_a_sparse_loss_in_a_loop(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "y = keras.utils.to_categorical(")
    assert finding["fixes"][0]["code"] == "y = rng.integers(0, 3, size=64)", json.dumps(finding["fixes"])
    assert "y = rng.integers(0, 3, size=64)\n" in written_and_run(run_cli, tmp_path)
