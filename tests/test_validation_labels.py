"""Validation labels left as class ids while the training labels were one-hot encoded (real Keras).

ppdebreuck/modnet#52 (r504): ``train_y = to_categorical(train_y, n)`` but ``validation_data=(val_x,
val_y)`` with integer ``val_y``. The first validation pass fails after a whole epoch. The training
labels and the model are right; the validation tuple is the root cause, and the fix encodes the
validation labels the way the script encoded the training ones, proven by the patched run.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras

classes = 4
rng = np.random.default_rng(1)
x = rng.standard_normal((80, 6)).astype("float32")
y = rng.integers(0, classes, size=80)
x_fit, x_check, y_fit, y_check = x[:64], x[64:], y[:64], y[64:]
y_fit = keras.utils.to_categorical(y_fit, classes)
held_out = (x_check, y_check)

model = keras.Sequential([keras.Input((6,)), keras.layers.Dense(8, activation="relu"),
                          keras.layers.Dense(classes, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(x_fit, y_fit, validation_data=held_out, epochs=1, batch_size=16, verbose=0)
'''

INLINE = SCRIPT.replace("held_out = (x_check, y_check)\n", "").replace(
    "validation_data=held_out", "validation_data=(x_check, y_check)").replace(
    "y_fit = keras.utils.to_categorical(y_fit, classes)\n", "y_fit = np.eye(classes)[y_fit]\n")


def test_validation_labels_encoded_like_training_labels(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "held_out = (x_check, y_check)")
    assert finding["fixes"][0]["code"] == "held_out = (x_check, keras.utils.to_categorical(y_check, classes))"
    assert all("sparse" not in f["code"] for f in finding["fixes"])  # the training labels are right
    assert "keras.utils.to_categorical(y_check, classes)" in written_and_run(run_cli, tmp_path)


def test_validation_labels_inline_take_the_subscript_encoding(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, INLINE)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(INLINE, "model.fit(")
    assert finding["fixes"][0]["code"].endswith("validation_data=(x_check, np.eye(classes)[y_check]), epochs=1, "
                                                "batch_size=16, verbose=0)")
