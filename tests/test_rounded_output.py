"""A segmentation model whose output misses the labels by a rounding (real Keras; ``run --json``).

Deep Learning with Python's image-segmentation model downsamples three times by strided 'same'
convolutions and upsamples three times: 150 -> 75 -> 38 -> 19 -> 38 -> 76 -> 152, against
150x150 masks. The input size, not a layer, is the root cause; it is fixed where it is chosen
(``img_size = (152, 152)``: the data made with it follows), proven by the patched script, and no
convolution is set to trim the two extra pixels (r374).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

img_size = (30, 30)
images = np.random.rand(8, *img_size, 3).astype("float32")
masks = np.random.randint(0, 3, (8,) + img_size + (1,))

inputs = keras.Input(shape=img_size + (3,))
x = layers.Conv2D(8, 3, strides=2, padding="same", activation="relu")(inputs)
x = layers.Conv2D(8, 3, strides=2, padding="same", activation="relu")(x)
x = layers.Conv2DTranspose(8, 3, strides=2, padding="same", activation="relu")(x)
x = layers.Conv2DTranspose(8, 3, strides=2, padding="same", activation="relu")(x)
outputs = layers.Conv2D(3, 3, activation="softmax", padding="same")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(images, masks, epochs=1, verbose=0)
'''


def test_output_off_by_a_rounding_blames_the_input_size_where_it_is_chosen(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    chosen = line_of(SCRIPT, "img_size = (30, 30)")
    assert finding["id"] == "SD202" and finding["culprit"]["line"] == chosen
    first = finding["fixes"][0]
    assert first["code"] == "img_size = (32, 32)" and first["proven"]
    assert not any('padding="valid"' in fix["code"] for fix in finding["fixes"])



CUSTOM = '''import numpy as np
import keras
from keras import layers


class Scale(layers.Layer):
    def __init__(self, how):
        super().__init__()
        self.how = how

    def call(self, x):
        return self.how(x)


img_size = (30, 30)
images = np.random.rand(8, *img_size, 3).astype("float32")
masks = np.random.randint(0, 3, (8,) + img_size + (1,))

inputs = keras.Input(shape=img_size + (3,))
x = Scale(lambda t: t / 255.0)(inputs)
x = layers.Conv2D(8, 3, strides=2, padding="same", activation="relu")(x)
x = layers.Conv2D(8, 3, strides=2, padding="same", activation="relu")(x)
x = layers.Conv2DTranspose(8, 3, strides=2, padding="same", activation="relu")(x)
x = layers.Conv2DTranspose(8, 3, strides=2, padding="same", activation="relu")(x)
outputs = layers.Conv2D(3, 3, activation="softmax", padding="same")(x)
model = keras.Model(inputs, outputs)
try:
    model.layers[1].get_config()
except NotImplementedError:
    print("no config")
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(images, masks, epochs=1, verbose=0)
'''


def test_a_custom_layer_without_a_config_does_not_stop_the_rule(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, CUSTOM)
    assert proc.returncode == 1, proc.stderr
    assert "no config" in proc.stdout + proc.stderr  # Keras cannot give the custom layer's config
    finding = report["findings"][0]
    assert finding["id"] == "SD202" and finding["culprit"]["line"] == line_of(CUSTOM, "img_size = (30, 30)")
