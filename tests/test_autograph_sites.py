"""Code run inside ``@tf.function`` is reported at the user's own lines (real Keras and TensorFlow).

AutoGraph runs a converted copy of the function from a generated file in the temp directory; a
frame there is mapped back to the user's line through the source map TensorFlow keeps, so the
report, the root cause and any fix point at the script, never at ``__autograph_generated_file``
code (``ag__.converted_call(...)``).
"""

from __future__ import annotations

import json

from conftest import line_of, report_of, run_cli

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

x_train = np.random.rand(64, 28, 28).astype("float32")
y_train = np.random.randint(0, 10, size=64)
train_ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).batch(16)


class Net(keras.Model):
    def __init__(self):
        super().__init__()
        self.conv = layers.Conv2D(8, 3, activation="relu")
        self.flat = layers.Flatten()
        self.out = layers.Dense(10)

    def call(self, x):
        x = self.conv(x)
        return self.out(self.flat(x))


model = Net()
loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
optimizer = keras.optimizers.Adam()


@tf.function
def train_step(images, labels):
    with tf.GradientTape() as tape:
        predictions = model(images, training=True)
        loss = loss_fn(labels, predictions)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))


for images, labels in train_ds:
    train_step(images, labels)
'''


def test_a_model_called_inside_tf_function_is_reported_at_the_users_lines(tmp_path):
    script = tmp_path / "script.py"
    script.write_text(SCRIPT)
    proc = run_cli("run", "--json", "--quick", str(script))
    assert proc.returncode == 1, proc.stderr
    finding = report_of(proc)["findings"][0]
    text = json.dumps(finding)
    assert "__autograph_generated" not in text and "ag__" not in text
    assert finding["id"] == "SD101"
    assert finding["consumer"]["line"] == line_of(SCRIPT, "x = self.conv(x)")
    assert finding["culprit"]["file"].endswith("script.py")
    assert all(fix["file"].endswith("script.py") for fix in finding["fixes"])
    assert finding["culprit"]["line"] in (line_of(SCRIPT, "predictions = model(images"),
                                          line_of(SCRIPT, "x = self.conv(x)"))
