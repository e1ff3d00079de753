"""``tf.tile`` given one more multiple than its tensor has axes (real Keras and TensorFlow).

A state ``(batch, hiddens)`` is tiled over the decoder's steps as ``tf.tile(state, (1, steps, 1))``, the
NumPy habit (``np.tile`` adds the axis); TensorFlow refuses inside the user's own ``call()``, during ``fit``
(graph mode) or a direct call (eager). The tile's line is the root cause and the only fix gives the tensor
the axis the multiples repeat, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

POOLED = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers


class ContextJoin(layers.Layer):
    def __init__(self, width, **kwargs):
        super().__init__(**kwargs)
        self.summary = layers.GRU(width)

    def call(self, sequence):
        summary = self.summary(sequence)
        spread = tf.tile(summary, (1, tf.shape(sequence)[1], 1))
        return tf.concat([sequence, spread], axis=-1)


inputs = keras.Input(shape=(None, 6))
joined = ContextJoin(8)(inputs)
outputs = layers.Dense(1)(layers.GlobalAveragePooling1D()(joined))
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
x = np.random.rand(32, 10, 6).astype("float32")
model.fit(x, np.random.rand(32, 1), epochs=1, verbose=0)
print(model.predict(x[:2], verbose=0).shape)
'''


def test_a_state_tiled_over_steps_without_its_step_axis(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, POOLED)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD101" and finding["received"] == "3 multiples"
    assert finding["culprit"]["line"] == line_of(POOLED, "spread = tf.tile(")
    assert [f["code"] for f in finding["fixes"]] == [
        "spread = tf.tile(tf.expand_dims(summary, 1), (1, tf.shape(sequence)[1], 1))"]
    assert finding["fixes"][0]["proven"]


EAGER = '''import numpy as np
import tensorflow as tf
from keras import layers


class Spread(layers.Layer):
    def call(self, rows, copies=3):
        return tf.tile(rows, (copies, 1, 1))


rows = np.random.rand(4, 5).astype("float32")
print(Spread()(rows).shape)
'''


def test_an_eager_tile_names_the_axis_in_front(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, EAGER)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(EAGER, "return tf.tile(")
    assert finding["fixes"][0]["code"] == "return tf.tile(tf.expand_dims(rows, 0), (copies, 1, 1))"
    assert finding["fixes"][0]["proven"]


def test_a_tile_of_the_expanded_state_is_fine(tmp_path):
    fine = POOLED.replace("tf.tile(summary,", "tf.tile(tf.expand_dims(summary, 1),")
    report, _, proc = run_json(run_cli, tmp_path, fine)
    assert proc.returncode == 0, proc.stderr
    assert report["findings"] == []
