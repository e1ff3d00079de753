"""A slice in the user's code that reads an axis its tensor lacks (real Keras and TensorFlow).

``y[:, 0]`` of (batch,) labels inside a custom ``train_step``, ``labels[:, None, None, :]`` of class ids sliced as
one-hot rows: TensorFlow says "Index out of range using input dim 1; input has only 1 dims" outside any layer.
It used to end as "not a shape error"; it is a rank error (SD101) at the slicing line, explained without
layer advice (no layer is involved), from a pasted text and under ``run``.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

from shapedoctor.explain.from_text import diagnose_text

TEXT = """Traceback (most recent call last):
  File "train.py", line 43, in train_step
    maps = one_hot_labels[:, None, None, :]
ValueError: Index out of range using input dim 1; input has only 1 dims for '{{node strided_slice}} = \
StridedSlice[Index=DT_INT32, T=DT_INT64, begin_mask=9, ellipsis_mask=0, end_mask=9, new_axis_mask=6, \
shrink_axis_mask=0](data_1, strided_slice/stack, strided_slice/stack_1, strided_slice/stack_2)' with input shapes: \
[?], [4], [4], [4] and with computed input tensors: input[3] = <1 1 1 1>.
"""


def test_the_pasted_text_is_a_rank_error_of_a_slice():
    finding = diagnose_text(TEXT).findings[0]
    assert finding.id == "SD101"
    assert finding.message == "a slice reads axis 1 of a tensor of (None,), 1 axis"
    assert "tf.one_hot" in finding.explanation and "Reshape" not in finding.explanation
    assert finding.fixes == []


TRAIN_STEP = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers


class TwoTargets(keras.Model):
    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            pred = self(x, training=True)
            loss = tf.reduce_mean(tf.square(y[:, 0] - pred[:, 0])) + tf.reduce_mean(tf.square(y[:, 1] - pred[:, 1]))
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        return {"loss": loss}


inputs = keras.Input(shape=(4,))
model = TwoTargets(inputs, layers.Dense(2)(inputs))
model.compile(optimizer="adam")
x = np.random.rand(64, 4).astype("float32")
y = np.random.rand(64).astype("float32")
model.fit(x, y, epochs=1, verbose=0)
'''


def test_a_train_step_slicing_one_column_labels_is_diagnosed(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, TRAIN_STEP)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD101" and finding["message"] == "a slice reads axis 1 of a tensor of (32,), 1 axis"
    assert finding["culprit"]["line"] == line_of(TRAIN_STEP, "loss = tf.reduce_mean(")
