"""Images fed unflattened to a stack of hand-written Linear layers in a GradientTape loop (real Keras).

The Keras guide for researchers flattens MNIST where it makes the dataset
(``x_train.reshape(60000, 784)``). Without it, the per-vector layers score each image row: logits come
out (batch, 28, 10) and the loss fails on its own line. The dataset's line is the cause, the fix
flattens the images there (r557). A model that works along the sequence (a Conv1D) is not an MLP: there
the rule keeps out.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras


class Linear(keras.layers.Layer):
    def __init__(self, units):
        super().__init__()
        self.units = units

    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1], self.units), initializer="random_normal")

    def call(self, inputs):
        return tf.matmul(inputs, self.w)


class MLP(keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.hidden = Linear(16)
        self.out = Linear(4)

    def call(self, inputs):
        return self.out(tf.nn.relu(self.hidden(inputs)))


rng = np.random.default_rng(0)
pictures = rng.random((48, 12, 12)).astype("float32")
classes = rng.integers(0, 4, size=48)
dataset = tf.data.Dataset.from_tensor_slices((pictures, classes)).batch(16)
model = MLP()
loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
optimizer = keras.optimizers.SGD(1e-2)
for x, y in dataset:
    with tf.GradientTape() as tape:
        logits = model(x)
        loss = loss_fn(y, logits)
    grads = tape.gradient(loss, model.trainable_weights)
    optimizer.apply_gradients(zip(grads, model.trainable_weights))
'''

SEQUENCE = SCRIPT.replace("        self.hidden = Linear(16)", "        self.hidden = keras.layers.Conv1D(16, 3)")


def test_the_images_are_flattened_where_the_dataset_is_made(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "dataset = tf.data.Dataset.from_tensor_slices(")
    first = finding["fixes"][0]
    assert first["code"] == "dataset = tf.data.Dataset.from_tensor_slices((pictures.reshape(-1, 144), classes)).batch(16)"
    assert "pictures.reshape(-1, 144)" in written_and_run(run_cli, tmp_path)


def test_a_model_that_works_along_the_rows_keeps_the_images(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SEQUENCE)
    assert proc.returncode == 1, proc.stderr
    assert not any("reshape(-1, 144)" in f["code"] for f in report["findings"][0]["fixes"])
