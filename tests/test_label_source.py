"""Labels cut from the inputs' array in a hand-written split (real Keras; ``run --json``).

``x_train = data[:-n]`` then ``y_train = data[:-n]``: the labels are the token ids themselves, and
the loss compares (N, 40) ids with a (None, 5) classifier output. The labels' line is the root
cause, and the fix cuts the labels from the array that holds them (``labels[:-n]``), verified on a
training step; widening the classifier to the ids' width is not offered (r391, keras#10791).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

data = np.random.randint(1, 100, size=(60, 40))
labels = keras.utils.to_categorical(np.random.randint(0, 5, size=60), 5)
n = int(0.2 * data.shape[0])

x_train = data[:-n]
y_train = data[:-n]
x_val = data[-n:]
y_val = labels[-n:]

inputs = keras.Input(shape=(40,), dtype="int32")
x = layers.Embedding(100, 8)(inputs)
x = layers.GlobalMaxPooling1D()(x)
model = keras.Model(inputs, layers.Dense(5, activation="softmax")(x))
model.compile(loss="categorical_crossentropy", optimizer="rmsprop")
model.fit(x_train, y_train, epochs=1, validation_data=(x_val, y_val), verbose=0)
'''


def test_labels_cut_from_the_inputs_array_are_the_root_cause(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD202"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "y_train = data[:-n]")
    assert [fix["code"] for fix in finding["fixes"]] == ["y_train = labels[:-n]"]
    assert finding["fixes"][0]["verified"]


REPEATED = '''import numpy as np
import keras
from keras import layers

clips = np.random.rand(16, 5, 6, 6, 1).astype("float32")
clip_class = np.random.randint(0, 3, size=16)
frame_labels = np.repeat(clip_class[:, None], 5, axis=1)
y = keras.utils.to_categorical(frame_labels, 3)

model = keras.Sequential([
    keras.Input(shape=(5, 6, 6, 1)),
    layers.ConvLSTM2D(4, kernel_size=3, padding="same"),
    layers.Flatten(),
    layers.Dense(3, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(clips, y, epochs=1, verbose=0)
'''


def test_one_label_repeated_on_every_step_is_taken_once(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, REPEATED)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(REPEATED, "y = keras.utils.to_categorical")
    first = finding["fixes"][0]
    assert first["verified"] and "y[:, 0]" in first["code"]
    assert first["checks"]["keeps_data"] is True


def test_labels_that_change_along_the_steps_are_not_cut(tmp_path):
    varying = REPEATED.replace("np.repeat(clip_class[:, None], 5, axis=1)", "np.random.randint(0, 3, size=(16, 5))")
    report, _, proc = run_json(run_cli, tmp_path, varying)
    assert proc.returncode == 1, proc.stderr
    assert not any("[:, 0]" in fix["code"] for fix in report["findings"][0]["fixes"])
