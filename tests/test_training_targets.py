"""Data-side training bugs: the labels' encoding, the loss, the input declaration (real Keras).

Each test writes the user's script to a file (the culprit is a line of it), runs the real arrays
of that script through the training checks with a site in the file, and asserts the exact
culprit kind, the first fix's code and that Keras verified it.
"""

from __future__ import annotations

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import linecache  # noqa: E402

import keras  # noqa: E402
import numpy as np  # noqa: E402
from keras import layers  # noqa: E402

from shapedoctor.diagnosis.training import check  # noqa: E402
from shapedoctor.diagnosis.training_fixes import findings_for  # noqa: E402
from shapedoctor.repair.invariants import few_samples_dropped  # noqa: E402
from shapedoctor.trace.sites import Site  # noqa: E402
from shapedoctor.trace.training import capture  # noqa: E402


def _diagnose(tmp_path, source: str, model, args: tuple, method: str = "fit", names: dict | None = None):
    script = tmp_path / "train.py"
    script.write_text(source)
    linecache.checkcache(str(script))
    line = next(i for i, text in enumerate(source.splitlines(), 1) if f".{method}(" in text)
    call, _, _ = capture(method, model, Site(str(script), line, source.splitlines()[line - 1]), args, {})
    if names is not None:  # the arrays the script's frame holds (capture reads the caller's frame)
        call.names = names
    problems = check(call)
    return problems, findings_for(call, problems)


def _classifier(width: int, classes: int, loss: str, activation: str = "softmax"):
    model = keras.Sequential([keras.Input(shape=(width,)), layers.Dense(8, activation="relu"),
                              layers.Dense(classes, activation=activation)])
    model.compile(optimizer="sgd", loss=loss)
    return model


ONE_TO_THREE = """import keras
y_raw = load()
y_train = keras.utils.to_categorical(y_raw)
model.fit(x_train, y_train)
"""


def test_onehot_of_classes_numbered_from_one_is_reencoded_not_the_output_widened(tmp_path):
    y_raw = np.arange(48) % 3 + 1  # classes 1, 2, 3
    y_train = keras.utils.to_categorical(y_raw)  # 4 columns, column 0 unused
    x_train = np.random.rand(48, 6).astype("float32")
    problems, findings = _diagnose(tmp_path, ONE_TO_THREE, _classifier(6, 3, "categorical_crossentropy"),
                                   (x_train, y_train))
    assert problems[0].culprit_kind == "labels"
    first = findings[0].fixes[0]
    assert first.code == "y_train = keras.utils.to_categorical(y_raw - 1)"
    assert first.verified and first.line == 3
    assert findings[0].culprit.line == 3
    # Widening the output to 4 units stays available, after the re-encoding.
    assert any("units=4" in f.title for f in findings[0].fixes[1:])


MISSING_CLASSES = """import keras
ids = load()
y_val = keras.utils.to_categorical(ids)
model.evaluate(x_val, y_val)
"""


def test_onehot_narrower_than_the_outputs_gets_num_classes(tmp_path):
    ids = np.arange(40) % 8  # classes 8 and 9 absent from this split
    y_val = keras.utils.to_categorical(ids)
    x_val = np.random.rand(40, 6).astype("float32")
    problems, findings = _diagnose(tmp_path, MISSING_CLASSES, _classifier(6, 10, "categorical_crossentropy"),
                                   (x_val, y_val), method="evaluate")
    first = findings[0].fixes[0]
    assert first.code == "y_val = keras.utils.to_categorical(ids, num_classes=10)"
    assert first.verified and first.checks["labels_in_range"] is True
    assert not any("units=8" in f.code and f.verified and f is first for f in findings[0].fixes)


def test_explicit_num_classes_is_left_to_the_model_side(tmp_path):
    source = "import keras\nids = load()\ny = keras.utils.to_categorical(ids, 8)\nmodel.fit(x, y)\n"
    y = keras.utils.to_categorical(np.arange(40) % 8, 8)
    problems, _ = _diagnose(tmp_path, source, _classifier(6, 10, "categorical_crossentropy"),
                            (np.random.rand(40, 6).astype("float32"), y))
    assert problems[0].culprit_kind == "layer"  # the user chose 8 classes: the output may be wrong
    assert all(f.line_edit is None for f in problems[0].fixes)


def test_regression_targets_under_sparse_crossentropy_change_the_loss(tmp_path):
    source = "years = load()\npopulation = load()\nmodel.compile(loss='sparse_categorical_crossentropy')\n" \
             "model.fit(years, population)\n"
    model = _classifier(1, 1, "sparse_categorical_crossentropy")
    population = np.random.uniform(6.5e8, 1.4e9, size=(60,)).astype("float32")
    problems, findings = _diagnose(tmp_path, source, model, (np.random.rand(60, 1).astype("float32"), population))
    assert problems[0].family == "SD202" and problems[0].culprit_kind == "loss"
    first = findings[0].fixes[0]
    assert first.verified and 'loss="mse"' in first.code and findings[0].culprit.line == 3


def test_reconstruction_targets_in_unit_range_get_mse_or_binary_crossentropy(tmp_path):
    source = "x = load()\nmodel.compile(loss='sparse_categorical_crossentropy')\nmodel.fit(x, x)\n"
    model = keras.Sequential([keras.Input(shape=(12,)), layers.Dense(4), layers.Dense(12)])
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    x = np.random.rand(30, 12).astype("float32")
    problems, findings = _diagnose(tmp_path, source, model, (x, x))
    codes = [f.code for f in findings[0].fixes if f.verified]
    assert any('"mse"' in c for c in codes) and any('"binary_crossentropy"' in c for c in codes)


def test_soft_labels_are_valid_categorical_targets(tmp_path):
    source = "y = smooth()\nmodel.fit(x, y)\n"
    y = np.full((20, 4), 0.1, "float32")
    y[:, 0] = 0.7  # label smoothing: rows sum to 1
    problems, _ = _diagnose(tmp_path, source, _classifier(5, 4, "categorical_crossentropy"),
                            (np.random.rand(20, 5).astype("float32"), y))
    assert problems == []


def test_categorical_crossentropy_on_one_sigmoid_unit_is_a_silent_sd207(tmp_path):
    source = "y = load()\nmodel.compile(loss=keras.losses.categorical_crossentropy)\nmodel.fit(x, y)\n"
    model = _classifier(5, 1, keras.losses.categorical_crossentropy, activation="sigmoid")
    y = np.arange(40) % 2
    problems, findings = _diagnose(tmp_path, source, model, (np.random.rand(40, 5).astype("float32"), y))
    assert problems[0].family == "SD207" and problems[0].culprit_kind == "loss"
    assert findings[0].severity == "warning" and findings[0].culprit.line == 2
    assert findings[0].fixes[0].verified and '"binary_crossentropy"' in findings[0].fixes[0].code


def test_input_shape_from_the_arrays_leading_axes_is_the_culprit(tmp_path):
    source = "x = load()\nmodel = keras.Sequential([layers.LSTM(4, input_shape=(x.shape[0], x.shape[1]))])\n" \
             "model.fit(x, y)\n"
    x = np.random.rand(40, 6, 3).astype("float32")
    model = keras.Sequential([keras.Input(shape=(40, 6)), layers.LSTM(4), layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    problems, findings = _diagnose(tmp_path, source, model, (x, np.zeros((40, 1), "float32")))
    assert problems[0].culprit_kind == "layer" and "40 samples" in problems[0].message
    assert findings[0].fixes[0].verified and findings[0].fixes[0].result_shape == "(None, 1)"


def test_a_dense_width_behind_an_activation_layer_is_the_culprit(tmp_path):
    source = "y = load()\nmodel.fit(x, y)\n"
    model = keras.Sequential([keras.Input(shape=(5,)), layers.Dense(2), layers.Activation("sigmoid")])
    model.compile(optimizer="sgd", loss="mse")
    problems, findings = _diagnose(tmp_path, source, model,
                                   (np.random.rand(32, 5).astype("float32"), (np.arange(32) % 2).reshape(-1, 1)))
    assert problems[0].family == "SD204" and type(problems[0].layer).__name__ == "Dense"
    assert any(f.verified and "units=1" in f.title for f in findings[0].fixes)


def test_count_fix_may_drop_an_off_by_one_sample_not_half_the_batch():
    assert few_samples_dropped(111, 110)[0] is True
    ok, why = few_samples_dropped(32, 16)
    assert ok is False and "16 of 32" in why


def test_dataset_labels_are_traced_to_the_array_they_were_sliced_from(tmp_path):
    import tensorflow as tf

    source = ("images = load()\nclass_ids = load()\n"
              "train_ds = tf.data.Dataset.from_tensor_slices((images, class_ids)).batch(10)\n"
              "model.fit(train_ds)\n")
    images = np.random.rand(40, 6).astype("float32")
    class_ids = np.arange(40) % 5 + 1  # classes 1..5 against 5 units
    train_ds = tf.data.Dataset.from_tensor_slices((images, class_ids)).batch(10)
    model = _classifier(6, 5, "sparse_categorical_crossentropy")
    problems, findings = _diagnose(tmp_path, source, model, (train_ds,), names={"class_ids": class_ids})
    assert findings[0].culprit.line == 2  # where class_ids was made, not the compile line
    first = findings[0].fixes[0]
    assert first.code == "train_ds = tf.data.Dataset.from_tensor_slices((images, class_ids - 1)).batch(10)"
    assert first.verified and first.line == 3
    assert not any(f.code.startswith("y = ") for f in findings[0].fixes)  # no rebinding of a name that is not there


def test_write_rewrites_the_to_categorical_line_and_proves_it(cli, tmp_path):
    import shutil
    from pathlib import Path

    case = Path(__file__).parent / "corpus" / "t070_onehot_labels_coded_one_to_three"
    script = tmp_path / "script.py"
    shutil.copy(case / "script.py", script)
    proc = cli("run", "--no-traceback", "--write", script.name, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "proven (passed" in proc.stdout
    changed = [line for line in script.read_text().splitlines()
               if line not in (case / "script.py").read_text().splitlines()]
    assert changed == ["y_train = keras.utils.to_categorical(y_raw - 1)"]


def test_labels_given_as_a_dict_are_paired_with_their_outputs_by_name():
    """keras-io's multi-input/multi-output example trains `priority` (one sigmoid unit, real targets
    in [0, 1] under binary cross-entropy) and `department` (softmax, categorical): valid. The dict's
    keys come in another order than the outputs, which once paired the priority targets with
    the categorical loss (a false alarm)."""
    import keras
    import numpy as np
    from keras import layers

    import shapedoctor

    inp = keras.Input(shape=(8,))
    h = layers.Dense(16, activation="relu")(inp)
    priority = layers.Dense(1, activation="sigmoid", name="priority")(h)
    department = layers.Dense(4, activation="softmax", name="department")(h)
    model = keras.Model(inp, [priority, department])
    model.compile(optimizer="rmsprop", loss={"priority": "binary_crossentropy",
                                             "department": "categorical_crossentropy"})
    x = np.random.rand(64, 8).astype("float32")
    y = {"department": keras.utils.to_categorical(np.random.randint(0, 4, size=(64,)), 4),
         "priority": np.random.random((64, 1))}  # not in the outputs' order
    assert shapedoctor.diagnose(model, x, y).findings == []
