"""Labels against output: which side is the root cause, weighed on evidence (issue #9, class 4).

Run in-process through ``shapedoctor.diagnose`` on real Keras models and arrays.
"""

from __future__ import annotations

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import keras  # noqa: E402
from keras import layers  # noqa: E402

import shapedoctor  # noqa: E402


def _tagger(keep_sequences: bool):
    inp = keras.Input(shape=(12, 8))
    h = layers.LSTM(16, return_sequences=True)(inp)
    h = layers.LSTM(16, return_sequences=keep_sequences, name="last_lstm")(h)
    out = layers.Dense(5, activation="softmax")(h)
    model = keras.Model(inp, out)
    model.compile(optimizer="sgd", loss="categorical_crossentropy")
    return model


def test_labels_per_time_step_blame_the_layer_that_dropped_the_time_axis():
    x = np.random.rand(16, 12, 8).astype("float32")
    y = keras.utils.to_categorical(np.random.randint(0, 5, size=(16, 12)), 5)  # one label per step
    finding = shapedoctor.diagnose(_tagger(False), x, y).findings[0]
    assert finding.id == "SD202"
    assert finding.culprit.layer == "last_lstm"
    assert finding.fixes[0].verified and "return_sequences=True" in finding.fixes[0].title
    assert "one value per position of the input" in finding.explanation


def test_labels_whose_positions_agree_with_the_output_stay_the_suspect():
    """Segmentation masks read with 3 channels against a 1-channel output of the right size: the
    positions agree, only the last axis differs, so nothing says the model dropped an axis."""
    inp = keras.Input(shape=(16, 16, 3))
    out = layers.Conv2D(1, 3, padding="same", activation="sigmoid", name="head")(layers.Conv2D(4, 3, padding="same")(inp))
    model = keras.Model(inp, out)
    model.compile(optimizer="sgd", loss="binary_crossentropy")
    x = np.random.rand(8, 16, 16, 3).astype("float32")
    y = np.random.randint(0, 2, size=(8, 16, 16, 3)).astype("float32")
    finding = shapedoctor.diagnose(model, x, y).findings[0]
    assert finding.id == "SD202"
    assert "one value per position of the input" not in finding.explanation
