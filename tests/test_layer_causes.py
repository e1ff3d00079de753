"""Layer root causes that Keras does not name, found from the shapes (issue #9, classes 2 and 4).

Each rule is checked on real Keras: a script run through ``shapedoctor run --json`` for build-time
errors, ``shapedoctor.diagnose`` for training-time ones, with a counter-example that the rule
must leave alone.
"""

from __future__ import annotations

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import keras  # noqa: E402
from keras import layers  # noqa: E402

import shapedoctor  # noqa: E402
from conftest import report_of  # noqa: E402

CONV_ON = '''import keras
from keras import layers

inputs = keras.Input(shape={shape})
x = layers.Conv2D(8, 3, padding="same")(inputs)
model = keras.Model(inputs, x)
'''


def _finding(cli, tmp_path, text: str) -> dict:
    (tmp_path / "script.py").write_text(text)
    return report_of(cli("run", "--json", "script.py", cwd=tmp_path))["findings"][0]


def test_conv2d_on_steps_and_one_channel_is_a_conv1d(cli, tmp_path):
    """(None, 500, 1): adding the missing axis would make a 500x1 'image'; the layer is the culprit."""
    finding = _finding(cli, tmp_path, CONV_ON.format(shape="(500, 1)"))
    assert finding["id"] == "SD101" and finding["culprit"]["line"] == 5
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == 'x = layers.Conv1D(8, 3, padding="same")(inputs)'
    assert first["result_shape"] == "(None, 500, 8)"


def test_conv2d_on_grayscale_images_still_needs_the_channel_axis(cli, tmp_path):
    """(None, 28, 28): no axis of size 1, a real image short of its channel axis: the Input is the culprit."""
    finding = _finding(cli, tmp_path, CONV_ON.format(shape="(28, 28)"))
    assert finding["culprit"]["line"] == 4
    assert not any("Conv1D" in (f["code"] or "") for f in finding["fixes"])


BIDIRECTIONAL = '''import keras
from keras import layers

inputs = keras.Input(shape=(40, 32))
rnn = layers.Bidirectional(layers.LSTM({units}, return_sequences=True))(inputs)
x = layers.Add()([inputs, rnn])
model = keras.Model(inputs, x)
'''


def test_bidirectional_width_is_twice_the_wrapped_units(cli, tmp_path):
    finding = _finding(cli, tmp_path, BIDIRECTIONAL.format(units=32))
    assert finding["id"] == "SD104" and finding["culprit"]["line"] == 5
    codes = [f["code"] for f in finding["fixes"] if f["verified"]]
    assert codes[0] == "rnn = layers.Bidirectional(layers.LSTM(16, return_sequences=True))(inputs)"
    assert 'merge_mode="sum"' in codes[1]


def test_one_hot_classes_against_a_single_sigmoid_unit_widen_the_head_to_softmax():
    model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(8), layers.Dense(1, activation="sigmoid", name="head")])
    model.compile(optimizer="sgd", loss="categorical_crossentropy")
    x = np.random.rand(24, 4).astype("float32")
    y = keras.utils.to_categorical(np.random.randint(0, 3, size=(24,)), 3)
    finding = shapedoctor.diagnose(model, x, y).findings[0]
    assert finding.id == "SD202" and finding.culprit.layer == "head"
    first = finding.fixes[0]
    assert first.verified and "units=3" in first.title and "activation='softmax'" in first.title
    assert first.result_shape == "(None, 3)"


def test_binary_labels_on_a_single_unit_under_categorical_crossentropy_stay_sd207():
    model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="sgd", loss="categorical_crossentropy")
    x = np.random.rand(24, 4).astype("float32")
    y = np.random.randint(0, 2, size=(24, 1)).astype("float32")
    assert shapedoctor.diagnose(model, x, y).findings[0].id == "SD207"


MIXED = '''import keras
from keras import layers

image = keras.Input(shape=(16, 16, 3))
x = layers.Conv2D(8, 3, padding="same")(image)
x = layers.MaxPooling2D(2)(x)
x = layers.Dense(16, activation="relu")(x)
x = layers.Dense(4)(x)
table = keras.Input(shape=(4,))
combined = layers.Concatenate()([x, table])
model = keras.Model([image, table], combined)
'''


def test_flatten_goes_before_the_first_dense_after_the_feature_map(cli, tmp_path):
    """A Flatten at the Concatenate would leave both Dense layers applied per pixel."""
    finding = _finding(cli, tmp_path, MIXED)
    assert finding["id"] == "SD104" and finding["culprit"]["line"] == 7
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "x = layers.Flatten()(x)" and first["line"] == 7
    assert first["result_shape"] == "(None, 8)"


def _forecaster(repeat: int):
    model = keras.Sequential([keras.Input(shape=(3, 1)), layers.LSTM(8), layers.RepeatVector(repeat, name="repeat"),
                              layers.LSTM(8, return_sequences=True), layers.TimeDistributed(layers.Dense(1))])
    model.compile(optimizer="sgd", loss="mse")
    return model


def test_a_repeat_vector_that_sets_the_wrong_number_of_output_steps_is_the_cause():
    x = np.random.rand(16, 3, 1).astype("float32")
    y = np.random.rand(16, 2, 1).astype("float32")  # forecast 2 steps from 3
    finding = shapedoctor.diagnose(_forecaster(3), x, y).findings[0]
    assert finding.culprit.layer == "repeat" and finding.culprit.kind == "layer"
    assert finding.fixes[0].verified and "RepeatVector(2)" in finding.fixes[0].title


def test_labels_that_differ_in_width_too_are_not_blamed_on_the_repeat_vector():
    x = np.random.rand(16, 3, 1).astype("float32")
    y = np.random.rand(16, 2, 4).astype("float32")  # other length AND other width: no single layer value explains it
    finding = shapedoctor.diagnose(_forecaster(3), x, y).findings[0]
    assert finding.culprit.layer != "repeat"


def _autoencoder(decoder_padding: str):
    inp = keras.Input(shape=(12, 12, 1))
    x = layers.Conv2D(4, 3, padding="same")(inp)
    x = layers.MaxPooling2D(2, padding="same")(x)  # 6
    x = layers.MaxPooling2D(2, padding="same")(x)  # 3
    x = layers.UpSampling2D(2)(x)  # 6
    x = layers.Conv2D(4, 3, padding=decoder_padding, name="mid")(x)  # 6 (same) or 4 (valid)
    x = layers.UpSampling2D(2)(x)  # 12 or 8
    out = layers.Conv2D(1, 3, padding="same", activation="sigmoid")(x)
    model = keras.Model(inp, out)
    model.compile(optimizer="sgd", loss="binary_crossentropy")
    return model


def test_the_decoder_convolution_whose_padding_explains_the_size_difference_is_the_cause():
    """12 -> 3 -> 6 -> (valid 3x3) 4 -> 8: the output is 4 pixels short of the 12x12 inputs, exactly
    the (3 - 1) pixels "mid" removes, upsampled x2 after it."""
    x = np.random.rand(8, 12, 12, 1).astype("float32")
    finding = shapedoctor.diagnose(_autoencoder("valid"), x, x).findings[0]
    assert finding.culprit.layer == "mid"
    first = finding.fixes[0]
    assert first.verified and 'padding="same"' in first.title and first.result_shape == "(None, 12, 12, 1)"


def test_no_padding_fix_when_no_convolution_accounts_for_the_difference():
    x = np.random.rand(8, 12, 12, 1).astype("float32")
    y = np.random.rand(8, 11, 11, 1).astype("float32")  # 12 against 11: no kernel removes 1 pixel at its scale
    finding = shapedoctor.diagnose(_autoencoder("same"), x, y).findings[0]
    assert not any("padding" in f.title for f in finding.fixes)


CLIPS = '''import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(16, 16, 3)),
    layers.TimeDistributed(layers.Conv2D(4, 3)),
    layers.TimeDistributed(layers.GlobalAveragePooling2D()),
    layers.LSTM(8),
])
'''


def test_time_distributed_conv_on_single_images_adds_the_time_axis_to_the_input(cli, tmp_path):
    finding = _finding(cli, tmp_path, CLIPS)
    assert finding["id"] == "SD101" and finding["culprit"]["line"] == 5
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "keras.Input(shape=(None, 16, 16, 3)),"
    assert "has no time axis" in finding["explanation"]
