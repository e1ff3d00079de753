"""Channels-last images under ``set_image_data_format("channels_first")`` (real Keras).

Deep Learning with Python's first convnet under a channels-first configuration (r620): the convolutions
read the 150 rows as channels and the 3 colour values as the width, and a pooling layer runs out of
pixels. The setting's line is the cause, ``"channels_last"`` the only fix (proven by running the
patched script); the padding edits that would build a model reading every image wrongly are not
offered. A channels-first model given channels-first images is left alone.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers

keras.config.set_image_data_format('channels_first')
net = keras.Sequential([
    keras.Input(shape=(64, 64, 3)),
    layers.Conv2D(16, 3, activation="relu"),
    layers.MaxPooling2D(2),
    layers.Flatten(),
    layers.Dense(1, activation="sigmoid"),
])
net.compile(loss="binary_crossentropy", optimizer="adam")
net.fit(np.random.rand(8, 64, 64, 3), np.random.randint(0, 2, (8, 1)), epochs=1, verbose=0)
'''


def test_the_setting_is_the_cause_and_channels_last_the_only_fix(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1 and report["status"] == "mismatch", proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "set_image_data_format(")
    assert [f["code"] for f in finding["fixes"]] == ["keras.config.set_image_data_format('channels_last')"]
    assert finding["fixes"][0]["verified"]
    assert "set_image_data_format('channels_last')" in written_and_run(run_cli, tmp_path)


def test_channels_first_images_under_the_setting_are_not_blamed_on_it(tmp_path):
    first = SCRIPT.replace("shape=(64, 64, 3)", "shape=(3, 64, 64)").replace(
        "np.random.rand(8, 64, 64, 3)", "np.random.rand(8, 3, 64, 64)").replace(
        'layers.MaxPooling2D(2),', 'layers.MaxPooling2D(2), layers.Conv2D(8, 40),')
    report, _, proc = run_json(run_cli, tmp_path, first)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] != line_of(first, "set_image_data_format(")
    assert not any("channels_last" in f["code"] for f in finding["fixes"]), finding["fixes"]


ANY_SIZE = '''import numpy as np
import keras
from keras import layers

keras.config.set_image_data_format("channels_first")
scans = np.random.rand(16, 40, 40, 1).astype("float32")
inputs = keras.Input(shape=(None, None, 1))
x = layers.Conv2D(8, 3, activation="relu")(inputs)
x = layers.GlobalAveragePooling2D()(x)
model = keras.Model(inputs, layers.Dense(2, activation="softmax")(x))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(scans, np.random.randint(0, 2, 16), epochs=1, verbose=0)
'''


def test_an_input_of_any_size_whose_channel_axis_is_read_as_unknown(tmp_path):
    # Keras raises a TypeError while building the convolution ('NoneType' % int): no shape words at all
    report, _, proc = run_json(run_cli, tmp_path, ANY_SIZE)
    assert proc.returncode == 1 and report["status"] == "mismatch", proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(ANY_SIZE, 'set_image_data_format("channels_first")')
    assert [f["code"] for f in finding["fixes"]] == ['keras.config.set_image_data_format("channels_last")']
    assert finding["fixes"][0]["proven"]
