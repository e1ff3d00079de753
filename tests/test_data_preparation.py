"""Data and labels prepared wrongly before fit/predict: the fix is a data-preparation idiom at the
line that builds them (real Keras; see diagnosis/training_sequences.py, training_structure.py,
training_validation.py, training_stateful.py, training_onehot.py).

Each test writes the user's lines to a file, runs the real arrays through the training checks
with a site in that file, and asserts the culprit, the first fix's exact code and that one real
training (or prediction) step of a clone accepted it with its invariants kept.
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
from shapedoctor.trace.sites import Site  # noqa: E402
from shapedoctor.trace.training import capture  # noqa: E402


def _diagnose(tmp_path, source: str, model, args: tuple, kwargs: dict | None = None, method: str = "fit"):
    script = tmp_path / "prepare.py"
    script.write_text(source)
    linecache.checkcache(str(script))
    line = next(i for i, text in enumerate(source.splitlines(), 1) if f".{method}(" in text)
    call, _, _ = capture(method, model, Site(str(script), line, source.splitlines()[line - 1]), args, kwargs or {})
    problems = check(call)
    return problems, findings_for(call, problems) if problems else []


def _images_model(shape: tuple, classes: int = 3):
    model = keras.Sequential([keras.Input(shape=shape), layers.Flatten(), layers.Dense(classes, activation="softmax")])
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    return model


GATHERED = """features = []
for image in images:
    features.append(image)
model.fit(features, labels)
"""


def test_samples_gathered_in_a_list_are_stacked_into_one_array(tmp_path):
    features = [np.random.rand(10, 10).astype("float32") for _ in range(24)]
    labels = np.random.randint(0, 3, 24)
    problems, findings = _diagnose(tmp_path, GATHERED, _images_model((10, 10)), (features, labels))
    assert problems[0].family == "SD201" and problems[0].culprit_kind == "data"
    assert findings[0].culprit.line == 1
    first = findings[0].fixes[0]
    assert first.code == "features = np.asarray(features)" and first.verified
    assert first.checks["samples"] is True and first.checks["keeps_data"] is True


def test_an_object_array_of_images_is_stacked_with_np_stack(tmp_path):
    images = np.empty(16, dtype=object)
    for i in range(16):
        images[i] = np.random.rand(6, 6, 2).astype("float32")
    source = "images = load()\nmodel.fit(images, labels)\n"
    problems, findings = _diagnose(tmp_path, source, _images_model((6, 6, 2)), (images, np.random.randint(0, 3, 16)))
    assert problems[0].family == "SD201"
    first = findings[0].fixes[0]
    assert first.code == "images = np.stack(images)" and first.verified


def test_two_arrays_that_are_not_samples_are_not_stacked_into_a_verified_fix(tmp_path):
    a, b = np.random.rand(30, 4).astype("float32"), np.random.rand(30, 4).astype("float32")
    model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    _, findings = _diagnose(tmp_path, "model.fit([a, b], y)\n", model, ([a, b], np.random.rand(30)))
    # Stacking would make 2 samples of (30, 4) against 30 labels: the pairing invariant refuses it.
    assert not any(f.verified and "asarray" in (f.code or "") for f in findings[0].fixes)


def test_labels_gathered_in_a_list_are_stacked_where_they_are_passed(tmp_path):
    x = np.random.rand(40, 5).astype("float32")
    y = [np.array([float(row.sum() > 2.5)], dtype="float32") for row in x]
    model = keras.Sequential([keras.Input(shape=(5,)), layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="sgd", loss="binary_crossentropy")
    source = "y = []\nfor row in x:\n    y.append(label(row))\nmodel.fit(x, y)\n"
    problems, findings = _diagnose(tmp_path, source, model, (x, y))
    assert problems[0].family == "SD203" and problems[0].culprit_kind == "labels"
    assert findings[0].culprit.line == 1
    first = findings[0].fixes[0]
    assert first.code == "y = np.asarray(y)" and first.verified


UNBATCHED_VALIDATION = """train_ds = tf.data.Dataset.from_tensor_slices((x, y)).batch(8)
val_ds = tf.data.Dataset.from_tensor_slices((val_x, val_y)).prefetch(2)
model.fit(train_ds, validation_data=val_ds)
"""


def test_an_unbatched_validation_dataset_is_batched_where_it_is_built(tmp_path):
    import tensorflow as tf

    x, y = np.random.rand(32, 7).astype("float32"), np.random.rand(32).astype("float32")
    val_x, val_y = np.random.rand(12, 7).astype("float32"), np.random.rand(12).astype("float32")
    train_ds = tf.data.Dataset.from_tensor_slices((x, y)).batch(8)
    val_ds = tf.data.Dataset.from_tensor_slices((val_x, val_y)).prefetch(2)
    model = keras.Sequential([keras.Input(shape=(7,)), layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    problems, findings = _diagnose(tmp_path, UNBATCHED_VALIDATION, model, (train_ds,), {"validation_data": val_ds})
    assert problems[0].family == "SD201" and problems[0].extra_where == "validation"
    assert findings[0].culprit.line == 2  # the validation pipeline, not the training one
    first = findings[0].fixes[0]
    assert first.code == "val_ds = tf.data.Dataset.from_tensor_slices((val_x, val_y)).batch(8).prefetch(2)"
    assert first.verified and first.line == 2


def test_a_batched_validation_dataset_is_not_flagged(tmp_path):
    import tensorflow as tf

    x, y = np.random.rand(16, 7).astype("float32"), np.random.rand(16).astype("float32")
    model = keras.Sequential([keras.Input(shape=(7,)), layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    ds = tf.data.Dataset.from_tensor_slices((x, y)).batch(8)
    problems, _ = _diagnose(tmp_path, UNBATCHED_VALIDATION, model, (ds,), {"validation_data": ds})
    assert problems == []


NEW_PRODUCTS = """import keras
x_new = keras.utils.to_categorical(new_ids)
model.predict(x_new)
"""


def test_onehot_features_narrower_than_the_input_are_encoded_over_all_categories(tmp_path):
    model = keras.Sequential([keras.Input(shape=(5,)), layers.Dense(1)])
    x_new = keras.utils.to_categorical(np.array([0, 2, 1, 2]))  # only 3 of the 5 colours occur
    problems, findings = _diagnose(tmp_path, NEW_PRODUCTS, model, (x_new,), method="predict")
    assert problems[0].culprit_kind == "data" and findings[0].culprit.line == 2
    first = findings[0].fixes[0]
    assert first.code == "x_new = keras.utils.to_categorical(new_ids, num_classes=5)" and first.verified


def test_onehot_features_with_an_explicit_width_are_not_reencoded(tmp_path):
    model = keras.Sequential([keras.Input(shape=(5,)), layers.Dense(1)])
    source = NEW_PRODUCTS.replace("to_categorical(new_ids)", "to_categorical(new_ids, 3)")
    x_new = keras.utils.to_categorical(np.array([0, 2, 1, 2]), 3)
    _, findings = _diagnose(tmp_path, source, model, (x_new,), method="predict")
    assert not any("num_classes" in (f.code or "") for f in findings[0].fixes)


def test_python_lists_for_a_two_input_model_become_arrays_where_passed(tmp_path):
    a_in, b_in = keras.Input(shape=(6,)), keras.Input(shape=(6,))
    out = layers.Dense(1)(layers.Concatenate()([a_in, b_in]))
    model = keras.Model([a_in, b_in], out)
    ids, segs = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0], [0.0] * 6
    problems, findings = _diagnose(tmp_path, "model.predict([[ids], [segs]])\n", model, ([[ids], [segs]],),
                                   method="predict")
    assert problems[0].family == "SD201"
    first = findings[0].fixes[0]
    assert first.code == "model.predict([np.array([ids]), np.array([segs])])" and first.verified


def _stateful(batch: int):
    model = keras.Sequential([keras.Input(batch_shape=(batch, 3, 1)), layers.LSTM(4, stateful=True), layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    return model


def test_a_stateful_fit_trims_inputs_and_labels_to_whole_batches(tmp_path):
    X, y = np.random.rand(30, 3, 1).astype("float32"), np.random.rand(30, 1).astype("float32")
    problems, findings = _diagnose(tmp_path, "bs = 4\nmodel.fit(X, y, batch_size=bs)\n", _stateful(4), (X, y))
    assert problems[0].family == "SD203" and problems[0].culprit_kind == "data"
    first = findings[0].fixes[0]
    assert first.code == "X = X[:len(X) - len(X) % bs]\ny = y[:len(y) - len(y) % bs]"
    assert first.verified and first.checks["keeps_data"] is True and first.checks["samples"] is True


def test_a_stateful_fit_on_whole_batches_is_not_flagged(tmp_path):
    X, y = np.random.rand(32, 3, 1).astype("float32"), np.random.rand(32, 1).astype("float32")
    problems, _ = _diagnose(tmp_path, "model.fit(X, y, batch_size=4)\n", _stateful(4), (X, y))
    assert problems == []
