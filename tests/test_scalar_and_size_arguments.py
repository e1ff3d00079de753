"""Three shape bugs Keras reports in words that do not look like shapes (real Keras; ``run --json``).

* A one-value-per-sample ``Input(shape=())`` joined with a ``(None, 2)`` input: Concatenate's own
  shape code fails with ``list index out of range``. The ranks are the evidence of a merge mismatch;
  the root cause is the scalar input and the fix gives it a feature axis (r367's answer).
* ``Dense(self.input_shape[1:])``: the constructor refuses ``units=(64,)`` before any call. The fix
  indexes the size: ``self.input_shape[1]`` (r365's answer).
* A subclassed identity block whose last convolution gives 3 channels, added to 1-channel images with
  ``x += input_tensor``: TensorFlow broadcasts silently. The block's ``filters`` list is where the size
  is chosen; the fix writes it there (r381's official code).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCALAR = '''import numpy as np
import keras
from keras import layers

hours = np.random.rand(64).astype("float32")
ambient = np.random.rand(64, 2).astype("float32")
hours_in = keras.Input(shape=(), name="hours")
ambient_in = keras.Input(shape=(2,), name="ambient")
features = layers.Concatenate(axis=1)([hours_in, ambient_in])
out = layers.Dense(1)(layers.Dense(8)(features))
model = keras.Model([hours_in, ambient_in], out)
model.compile(optimizer="adam", loss="mse")
model.fit({"hours": hours, "ambient": ambient}, np.random.rand(64, 1), epochs=1, verbose=0)
'''

UNITS = '''import numpy as np
import keras
from keras import layers

forward = keras.Sequential([keras.Input(shape=(12,)), layers.Dense(5, name="fc")])


class Down:
    def __init__(self, layer):
        self.input_shape = layer.input.shape
        self.model = keras.Sequential([keras.Input(shape=(5,)), layers.Dense(self.input_shape[1:])])


print(Down(forward.get_layer("fc")).model.output_shape)
'''

BLOCK = '''import numpy as np
import tensorflow as tf


class Block(tf.keras.Model):
    def __init__(self, filters):
        super().__init__(name="")
        f1, f2 = filters
        self.a = tf.keras.layers.Conv2D(f1, 1)
        self.b = tf.keras.layers.Conv2D(f2, 3, padding="same")

    def call(self, input_tensor):
        x = tf.nn.relu(self.a(input_tensor))
        x = self.b(x)
        x += input_tensor
        return tf.nn.relu(x)


block = Block([2, 3])
model = tf.keras.Sequential([tf.keras.layers.Input(shape=(8, 8, 1)), block,
                             tf.keras.layers.GlobalAveragePooling2D(), tf.keras.layers.Dense(2)])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(np.random.rand(16, 8, 8, 1), np.random.randint(0, 2, 16), epochs=1, verbose=0)
print(model.output_shape)
'''


def test_scalar_input_joined_with_features_gets_a_feature_axis(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCALAR)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD104" and finding["received"] == "(None,) and (None, 2)"
    assert finding["culprit"]["line"] == line_of(SCALAR, "hours_in = keras.Input")
    assert [step["layer"] for step in finding["path"]] == ["hours", "concatenate"]  # the branch of the root cause
    first = finding["fixes"][0]
    assert "layers.Reshape((1,))(hours_in)" in first["code"] and first["verified"] and first["proven"]


def test_units_given_a_shape_is_given_its_size(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, UNITS)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(UNITS, "layers.Dense(self.input_shape[1:])")
    assert finding["id"] == "SD108" and finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert "layers.Dense(self.input_shape[1])" in first["code"] and first["proven"]


def test_identity_block_on_one_channel_is_fixed_where_its_filters_are_chosen(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, BLOCK)
    assert proc.returncode == 1 and "(None, 2)" in proc.stdout + proc.stderr  # silent: the program ran to its end
    finding = report["findings"][0]
    assert finding["id"] == "SD205" and finding["received"] == "(None, 8, 8, 3) and (None, 8, 8, 1)"
    chosen = line_of(BLOCK, "block = Block([2, 3])")
    assert finding["culprit"]["line"] == chosen
    first = finding["fixes"][0]
    assert first["code"] == "block = Block([2, 1])" and first["proven"]
    assert any("Conv2D(1, 3" in fix["code"] for fix in finding["fixes"][1:])  # the plain fix at the layer
