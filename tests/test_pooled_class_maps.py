"""A network-in-network head pooled into class scores: ``GlobalAveragePooling2D`` gives one value per
channel, so ``Reshape((1, 1, num_classes))`` after it needs the last convolution to make ``num_classes``
channels (keras-io-style DenseNet with a NiN head, r942). The fix widens that convolution, found past
the pooling and past an ``Activation`` of the user's own lambda (a mish), which the replay rebuilds
from the live layer since its config cannot restore the lambda. Real Keras."""

from __future__ import annotations

from conftest import line_of, run_json

SCRIPT = """\
import numpy as np
import keras
from keras import layers

num_classes = 10


def mish(x):
    return layers.Activation(lambda t: t * keras.ops.tanh(keras.ops.softplus(t)))(x)


inputs = keras.Input(shape=(16, 16, 3))
x = mish(layers.Conv2D(8, 3, padding="same")(inputs))
x = mish(layers.Conv2D(16, 1, padding="same")(x))
x = layers.GlobalAveragePooling2D()(x)
x = layers.Reshape((1, 1, num_classes))(x)
outputs = layers.Flatten()(x)
model = keras.Model(inputs, outputs)
print(model.output_shape)
"""


def test_the_channels_pooled_into_class_scores_come_from_the_last_convolution(cli, tmp_path):
    report, _, proc = run_json(cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr[-2000:]
    finding = report["findings"][0]
    assert finding["id"] == "SD103"
    first = finding["fixes"][0]
    assert first["line"] == line_of(SCRIPT, "layers.Conv2D(16, 1")
    assert "layers.Conv2D(num_classes, 1" in first["code"] and first["verified"], first
