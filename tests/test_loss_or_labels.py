"""Labels that are a valid encoding of the classes, only the other one than the loss expects:
the loss is the root cause, unless it has proven itself (the model trained with it) or serves
other outputs too (real Keras, `shapedoctor run --json`)."""

from __future__ import annotations

import textwrap

from conftest import report_of

HEAD = """\
import numpy as np
import keras
from keras import layers

x = np.random.rand(64, 16).astype("float32")
y_class = np.random.randint(0, 4, size=(64,))
y_box = np.random.rand(64, 4).astype("float32")
inputs = keras.Input(shape=(16,))
h = layers.Dense(32, activation="relu")(inputs)
cls = layers.Dense(4, activation="softmax")(h)
"""


def _first(cli, tmp_path, body: str) -> dict:
    (tmp_path / "script.py").write_text(HEAD + textwrap.dedent(body))
    return report_of(cli("run", "--json", "script.py", cwd=tmp_path))["findings"][0]


def test_integer_labels_under_a_categorical_loss_blame_the_loss(cli, tmp_path):
    finding = _first(cli, tmp_path, """\
        model = keras.Model(inputs, cls)
        model.compile(optimizer="adam", loss="categorical_crossentropy")
        model.fit(x, y_class, epochs=1, verbose=0)
        """)
    assert finding["culprit"]["kind"] == "loss" and finding["culprit"]["line"] == 12
    assert 'loss="sparse_categorical_crossentropy"' in finding["fixes"][0]["code"]


def test_a_loss_shared_by_several_outputs_is_not_blamed_for_one_outputs_labels(cli, tmp_path):
    finding = _first(cli, tmp_path, """\
        box = layers.Dense(4)(h)
        model = keras.Model(inputs, [cls, box])
        model.compile(optimizer="adam", loss="categorical_crossentropy")
        model.fit(x, [y_class, y_box], epochs=1, verbose=0)
        """)
    assert finding["culprit"]["kind"] == "labels" and finding["culprit"]["line"] == 6
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "y_class = keras.utils.to_categorical(y_class, 4)"


def test_a_label_smoothing_only_the_categorical_loss_has_blames_the_labels_and_keeps_the_loss(cli, tmp_path):
    # r1092 (keras-io ConvMixer): CategoricalCrossentropy(label_smoothing=0.1) on integer ids; the sparse loss
    # would silently drop the smoothing, so it is not offered, and the test labels get the same encoding.
    finding = _first(cli, tmp_path, """\
        model = keras.Model(inputs, cls)
        model.compile(optimizer="adam", loss=keras.losses.CategoricalCrossentropy(label_smoothing=0.1))
        model.fit(x, y_class, epochs=1, verbose=0)
        y_check = np.random.randint(0, 4, size=(8,))
        model.evaluate(x[:8], y_check, verbose=0)
        """)
    assert finding["culprit"]["kind"] == "labels" and finding["culprit"]["line"] == 6
    codes = [f["code"] for f in finding["fixes"]]
    assert codes[0] == ("y_class = keras.utils.to_categorical(y_class, 4)\n"
                        "y_check = keras.utils.to_categorical(y_check, 4)"), codes
    assert not any("sparse" in c for c in codes), codes


def test_a_categorical_metric_beside_the_categorical_loss_blames_the_labels(cli, tmp_path):
    finding = _first(cli, tmp_path, """\
        model = keras.Model(inputs, cls)
        model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["categorical_accuracy"])
        model.fit(x, y_class, epochs=1, verbose=0)
        """)
    assert finding["culprit"]["kind"] == "labels" and finding["culprit"]["line"] == 6
    assert finding["fixes"][0]["code"] == "y_class = keras.utils.to_categorical(y_class, 4)"
