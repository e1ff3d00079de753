"""Which side of a training-time mismatch is wrong, decided by the evidence in the user's scope
(real Keras; see shapedoctor/diagnosis/training_evidence.py).

Each test writes the user's script to a file, runs the real arrays through the training checks
with a site in that file (and the arrays the script's frame would hold), and asserts the culprit
and the first fix, verified by Keras.
"""

from __future__ import annotations

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras  # noqa: E402
import numpy as np  # noqa: E402
from keras import layers  # noqa: E402
from keras.utils import pad_sequences  # noqa: E402
from test_training_targets import _classifier, _diagnose  # noqa: E402

OTHER_SPLIT = """x_train, y_train = load()
x_test, y_test = load()
model.fit(x_train, y_test)
"""


def test_labels_of_the_other_split_are_swapped_for_the_pairing_array(tmp_path):
    x_train, y_train = np.random.rand(60, 6).astype("float32"), np.random.randint(0, 3, 60)
    x_test, y_test = np.random.rand(10, 6).astype("float32"), np.random.randint(0, 3, 10)
    names = {"x_train": x_train, "y_train": y_train, "x_test": x_test, "y_test": y_test}
    problems, findings = _diagnose(tmp_path, OTHER_SPLIT, _classifier(6, 3, "sparse_categorical_crossentropy"),
                                   (x_train, y_test), names=names)
    assert problems[0].family == "SD203" and problems[0].culprit_kind == "labels"
    assert findings[0].culprit.line == 3  # the argument, not where y_test was made
    first = findings[0].fixes[0]
    assert first.code == "model.fit(x_train, y_train)" and first.verified
    assert first.checks["samples"] is True


def test_two_candidate_arrays_give_no_swap(tmp_path):
    x_train, y_test = np.random.rand(60, 6).astype("float32"), np.random.randint(0, 3, 10)
    names = {"x_train": x_train, "y_test": y_test, "a": np.random.randint(0, 3, 60), "b": np.random.randint(0, 3, 60)}
    _, findings = _diagnose(tmp_path, OTHER_SPLIT, _classifier(6, 3, "sparse_categorical_crossentropy"),
                            (x_train, y_test), names=names)
    assert not any("pairs with the other argument" in f.title for f in findings[0].fixes)


ROWS = """X = load()
y = np.array([height, width, depth])
model.fit(X, y)
"""


def test_targets_stacked_as_rows_blame_the_labels(tmp_path):
    X = np.random.rand(100, 5).astype("float32")
    y = np.random.rand(3, 100).astype("float32")
    model = keras.Sequential([keras.Input(shape=(5,)), layers.Dense(3)])
    model.compile(optimizer="sgd", loss="mse")
    problems, findings = _diagnose(tmp_path, ROWS, model, (X, y), names={"X": X, "y": y})
    assert problems[0].culprit_kind == "labels" and findings[0].culprit.line == 2
    first = findings[0].fixes[0]
    assert first.code == "y = y.T" and first.verified


TABLE = """dataset = load()
x = dataset[:, 0:3]
y = dataset[:, 3]
model.fit(x, y)
"""


def test_input_declared_as_the_whole_table_counted_the_label_column(tmp_path):
    dataset = np.random.rand(40, 4).astype("float32")
    dataset[:, 3] = np.arange(40) % 3
    x, y = dataset[:, 0:3], dataset[:, 3]
    problems, findings = _diagnose(tmp_path, TABLE, _classifier(4, 3, "sparse_categorical_crossentropy"),
                                   (x, y), names={"dataset": dataset, "x": x, "y": y})
    assert problems[0].culprit_kind == "layer"
    first = findings[0].fixes[0]
    assert first.title == "declare the input as shape=(3,)" and first.verified


def test_same_width_mismatch_without_a_shared_table_still_blames_the_data(tmp_path):
    x, y = np.random.rand(40, 3).astype("float32"), np.arange(40) % 3
    problems, _ = _diagnose(tmp_path, TABLE, _classifier(4, 3, "sparse_categorical_crossentropy"),
                            (x, y), names={"x": x, "y": y})
    assert problems[0].culprit_kind == "data"


NEW_TEXTS = """model.fit(x_train, labels)
new_reviews = [[12, 7, 301, 44], [5, 99, 18, 260, 3, 77]]
x_new = pad_sequences(new_reviews)
model.predict(x_new)
"""


def _text_model():
    model = keras.Sequential([keras.Input(shape=(64,)), layers.Embedding(500, 8), layers.Flatten(),
                              layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="sgd", loss="binary_crossentropy")
    return model


def test_new_texts_are_padded_to_the_trained_length_not_the_model_changed(tmp_path):
    model = _text_model()
    model.fit(np.random.randint(1, 500, (16, 64)), np.random.randint(0, 2, 16), epochs=1, verbose=0)
    x_new = pad_sequences([[12, 7, 301, 44], [5, 99, 18, 260, 3, 77]])
    problems, findings = _diagnose(tmp_path, NEW_TEXTS, model, (x_new,), method="predict", names={"x_new": x_new})
    first = findings[0].fixes[0]
    assert first.code == "x_new = pad_sequences(new_reviews, maxlen=64)" and first.verified and first.line == 3
    assert not any(f.title.startswith("declare the input") for f in findings[0].fixes)


def test_an_untrained_model_may_still_be_redeclared(tmp_path):
    x_new = pad_sequences([[12, 7, 301, 44], [5, 99, 18, 260, 3, 77]])
    _, findings = _diagnose(tmp_path, NEW_TEXTS, _text_model(), (x_new,), method="predict", names={"x_new": x_new})
    assert findings[0].fixes[0].code == "x_new = pad_sequences(new_reviews, maxlen=64)"
    assert any(f.title.startswith("declare the input") for f in findings[0].fixes)


SCALED_TABLE = """dataset = load()
x = dataset[:, 0:3] / dataset[:, 0:3].max(axis=0)
y = dataset[:, 3]
model.fit(x, y)
"""


def test_features_scaled_after_the_cut_still_show_the_declaration_counted_the_label_column(tmp_path):
    # keras-team/keras#9282: the division copies x, so only the lines that made x and y show the
    # shared table.
    dataset = np.random.rand(40, 4).astype("float32")
    dataset[:, 3] = np.arange(40) % 3
    x, y = dataset[:, 0:3] / dataset[:, 0:3].max(axis=0), dataset[:, 3]
    assert not np.shares_memory(x, dataset)
    problems, findings = _diagnose(tmp_path, SCALED_TABLE, _classifier(4, 3, "sparse_categorical_crossentropy"),
                                   (x, y), names={"dataset": dataset, "x": x, "y": y})
    assert problems[0].culprit_kind == "layer"
    first = findings[0].fixes[0]
    assert first.title == "declare the input as shape=(3,)" and first.verified


def test_features_from_another_table_than_the_labels_still_blame_the_data(tmp_path):
    dataset = np.random.rand(40, 4).astype("float32")
    other = np.random.rand(40, 4).astype("float32")
    x, y = other[:, 0:3] * 2, dataset[:, 3]
    problems, _ = _diagnose(tmp_path, SCALED_TABLE.replace("dataset[:, 0:3]", "other[:, 0:3]"),
                            _classifier(4, 3, "sparse_categorical_crossentropy"), (x, y),
                            names={"dataset": dataset, "other": other, "x": x, "y": y})
    assert problems[0].culprit_kind == "data"
