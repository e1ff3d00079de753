"""Labels encoded for another classifier than the head and loss (real Keras, `shapedoctor run`):
per-position class ids under a categorical loss, one-hot labels with an extra axis of size 1,
one-hot classes under binary_crossentropy, multi-hot rows under a softmax, class ids on one
sigmoid unit, class ids given to a custom loss written for one-hot labels, and a label dict
whose keys are not the output names; valid programs of each kind stay unflagged."""

from __future__ import annotations

import textwrap

from conftest import report_of, run_plain

HEAD = """\
import numpy as np
import keras
from keras import layers, ops

x = np.random.rand(80, 12).astype("float32")
"""


def _report(cli, tmp_path, body: str) -> dict:
    (tmp_path / "script.py").write_text(HEAD + textwrap.dedent(body))
    return report_of(cli("run", "--json", "script.py", cwd=tmp_path))


def _first(cli, tmp_path, body: str) -> dict:
    return _report(cli, tmp_path, body)["findings"][0]


def test_per_position_class_ids_under_a_categorical_loss_blame_the_loss(cli, tmp_path):
    finding = _first(cli, tmp_path, """\
        frames = np.random.rand(80, 9, 6).astype("float32")
        phones = np.random.randint(0, 5, size=(80, 9, 1))
        inputs = keras.Input(shape=(9, 6))
        h = layers.GRU(16, return_sequences=True)(inputs)
        probs = layers.Dense(5, activation="softmax")(h)
        model = keras.Model(inputs, probs)
        model.compile(optimizer="sgd", loss=keras.losses.CategoricalCrossentropy())
        model.fit(frames, phones, epochs=1, verbose=0)
        """)
    assert finding["id"] == "SD202" and finding["culprit"]["kind"] == "loss" and finding["culprit"]["line"] == 12
    first = finding["fixes"][0]
    assert first["verified"] and "sparse_categorical_crossentropy" in first["code"]


def test_onehot_labels_with_an_extra_unit_axis_are_squeezed(cli, tmp_path):
    finding = _first(cli, tmp_path, """\
        kinds = keras.utils.to_categorical(np.random.randint(0, 3, size=80), 3)[:, np.newaxis, :]
        model = keras.Sequential([keras.Input(shape=(12,)), layers.Dense(3, activation="softmax")])
        model.compile(optimizer="adam", loss="categorical_crossentropy")
        model.fit(x, kinds, epochs=1, verbose=0)
        """)
    assert finding["culprit"]["kind"] == "labels" and finding["culprit"]["line"] == 6
    first = finding["fixes"][0]
    assert first["verified"] and first["checks"]["loss_shapes"] and "np.squeeze(kinds, axis=1)" in first["code"]


def test_onehot_classes_under_binary_crossentropy_with_a_softmax_head(cli, tmp_path):
    report = _report(cli, tmp_path, """\
        colours = keras.utils.to_categorical(np.random.randint(0, 4, size=80), 4)
        inputs = keras.Input(shape=(12,))
        probs = layers.Dense(4, activation="softmax")(inputs)
        model = keras.Model(inputs, probs)
        model.compile(optimizer="adam", loss=keras.losses.BinaryCrossentropy())
        model.fit(x, colours, epochs=1, verbose=0)
        """)
    finding = report["findings"][0]
    assert report["status"] == "warning" and finding["id"] == "SD202"
    assert finding["culprit"]["kind"] == "loss" and finding["culprit"]["line"] == 10
    assert finding["fixes"][0]["verified"] and 'loss="categorical_crossentropy"' in finding["fixes"][0]["code"]


def test_multi_hot_rows_under_a_softmax_layer_get_sigmoid_and_binary_crossentropy_written(cli, tmp_path):
    body = """\
        tags = (np.random.rand(80, 7) > 0.5).astype("float32")
        model = keras.Sequential([keras.Input(shape=(12,)), layers.Dense(7), layers.Activation("softmax")])
        model.compile(optimizer="adam", loss="categorical_crossentropy")
        model.fit(x, tags, epochs=1, verbose=0)
        """
    finding = _first(cli, tmp_path, body)
    assert finding["id"] == "SD202" and finding["culprit"]["kind"] == "layer" and finding["culprit"]["line"] == 7
    first = finding["fixes"][0]
    assert first["verified"] and 'Activation("sigmoid")' in first["code"] and "binary_crossentropy" in first["code"]
    proc = cli("run", "--write", "script.py", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    written = (tmp_path / "script.py").read_text()
    assert 'layers.Activation("sigmoid")' in written and 'loss="binary_crossentropy"' in written
    assert run_plain("script.py", cwd=tmp_path).returncode == 0
    assert report_of(cli("run", "--json", "script.py", cwd=tmp_path))["status"] == "ok"


def test_four_class_ids_on_one_sigmoid_unit_get_four_softmax_units(cli, tmp_path):
    finding = _first(cli, tmp_path, """\
        grade = np.random.randint(0, 4, size=(80, 1))
        inputs = keras.Input(shape=(12,))
        h = layers.Dense(8, activation="relu")(inputs)
        score = layers.Dense(1, activation="sigmoid")(h)
        model = keras.Model(inputs, score)
        model.compile(optimizer="adam", loss="binary_crossentropy")
        model.fit(x, grade, epochs=1, verbose=0)
        """)
    assert finding["culprit"]["kind"] == "layer" and finding["culprit"]["line"] == 9
    first = finding["fixes"][0]
    assert first["verified"] and 'Dense(4, activation="softmax")' in first["code"]
    assert "sparse_categorical_crossentropy" in first["code"]


def test_class_ids_given_to_a_loss_written_for_onehot_rows(cli, tmp_path):
    report = _report(cli, tmp_path, """\
        label = np.random.randint(0, 3, size=(80,))


        def squared_error_per_class(y_true, y_pred):
            return ops.mean(ops.square(y_true - y_pred), axis=-1)


        model = keras.Sequential([keras.Input(shape=(12,)), layers.Dense(3, activation="softmax")])
        model.compile(optimizer="adam", loss=squared_error_per_class)
        model.fit(x, label, epochs=1, verbose=0)
        """)
    finding = report["findings"][0]  # (N,) ids against (32, 3) inside the loss: TensorFlow raises
    assert report["status"] == "mismatch" and finding["id"] == "SD202"
    assert finding["culprit"]["kind"] == "labels" and finding["culprit"]["line"] == 6
    assert finding["fixes"][0]["verified"] and "to_categorical(label, 3)" in finding["fixes"][0]["code"]


def test_label_dict_keys_named_after_something_else_are_renamed_where_the_dict_is_made(cli, tmp_path):
    finding = _first(cli, tmp_path, """\
        inputs = keras.Input(shape=(12,))
        price = layers.Dense(1, name="price")(inputs)
        sold = layers.Dense(1, activation="sigmoid", name="sold")(inputs)
        model = keras.Model(inputs, [price, sold])
        model.compile(optimizer="adam", loss={"price": "mse", "sold": "binary_crossentropy"})
        answers = {"price_target": np.random.rand(80, 1), "sold_target": np.random.randint(0, 2, (80, 1))}
        model.fit(x, answers, epochs=1, verbose=0)
        """)
    assert finding["id"] == "SD203" and finding["culprit"]["line"] == 11
    first = finding["fixes"][0]
    assert first["verified"] and first["code"].startswith('answers = {"price": np.random.rand(80, 1), "sold": ')


def test_valid_encodings_of_each_kind_are_not_flagged(cli, tmp_path):
    report = _report(cli, tmp_path, """\
        def sparse_loss(y_true, y_pred):
            return keras.losses.sparse_categorical_crossentropy(y_true, y_pred)


        multi = (np.random.rand(80, 5) > 0.5).astype("float32")
        onehot = keras.utils.to_categorical(np.random.randint(0, 5, size=80), 5)
        ids = np.random.randint(0, 5, size=(80, 1))
        yes_no = np.random.randint(0, 2, size=(80,))
        tags = np.random.randint(0, 5, size=(80, 9))
        seq = np.random.rand(80, 9, 12).astype("float32")
        for head, loss, y in (("sigmoid", "binary_crossentropy", multi), ("softmax", "categorical_crossentropy", onehot),
                              ("softmax", sparse_loss, ids), ("softmax", "sparse_categorical_crossentropy", ids)):
            model = keras.Sequential([keras.Input(shape=(12,)), layers.Dense(5, activation=head)])
            model.compile(optimizer="adam", loss=loss)
            model.fit(x, y, epochs=1, verbose=0)
        binary = keras.Sequential([keras.Input(shape=(12,)), layers.Dense(1, activation="sigmoid")])
        binary.compile(optimizer="adam", loss="binary_crossentropy")
        binary.fit(x, yes_no, epochs=1, verbose=0)
        tagger = keras.Sequential([keras.Input(shape=(9, 12)), layers.LSTM(8, return_sequences=True),
                                   layers.Dense(5, activation="softmax")])
        tagger.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        tagger.fit(seq, tags, epochs=1, verbose=0)
        inputs = keras.Input(shape=(12,))
        model = keras.Model(inputs, [layers.Dense(1, name="a")(inputs), layers.Dense(1, name="b")(inputs)])
        model.compile(optimizer="adam", loss={"a": "mse", "b": "mse"})
        model.fit(x, {"a": np.random.rand(80, 1), "b": np.random.rand(80, 1)}, epochs=1, verbose=0)
        """)
    assert report["status"] == "ok", report["findings"]
