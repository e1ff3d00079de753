"""Labels vs output when the model is the suspect: which layer is blamed and which model edit comes first.

Real Keras models and the training checks of shapedoctor.diagnosis.training; each case mirrors a
corpus case (t052, t054, t055) in miniature.
"""

from __future__ import annotations

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import keras  # noqa: E402
from keras import layers  # noqa: E402

import shapedoctor  # noqa: E402
from shapedoctor.diagnosis.training import check  # noqa: E402
from shapedoctor.diagnosis.training_fixes import verify  # noqa: E402
from shapedoctor.trace.training import capture  # noqa: E402


def _problem(model, x, y):
    call, _, _ = capture("fit", model, None, (x, y), {})
    problems = check(call)
    assert len(problems) == 1
    return call, problems[0]


def _first(prob):
    return sorted(prob.fixes, key=lambda f: f.cost)[0]


def _seq_model():
    lstm = layers.LSTM(16)
    model = keras.Sequential([keras.Input((9, 15)), lstm, layers.Dense(15, activation="softmax")])
    model.compile(optimizer="sgd", loss="categorical_crossentropy")
    return model, lstm


def test_labels_with_the_inputs_time_axis_blame_the_rnn_that_dropped_it():
    model, lstm = _seq_model()
    x = np.random.rand(40, 9, 15).astype("float32")
    y = np.eye(15, dtype="float32")[np.random.randint(0, 15, size=(40, 9))]  # other values, the inputs' axes
    _, prob = _problem(model, x, y)
    assert prob.family == "SD202"
    assert prob.culprit_kind == "layer" and prob.layer is lstm
    assert _first(prob).edits == [("config", lstm, {"return_sequences": True})]


def test_labels_with_an_axis_the_inputs_do_not_have_stay_the_suspect():
    model, _ = _seq_model()
    x = np.random.rand(40, 9, 15).astype("float32")
    y = np.eye(15, dtype="float32")[np.random.randint(0, 15, size=(40, 4))]  # 4 steps: not the inputs' 9
    _, prob = _problem(model, x, y)
    assert prob.culprit_kind == "labels"


def test_decoder_that_lost_a_stride_blames_the_body_layer_not_the_output_head():
    inputs = keras.Input((16, 16, 1))
    x = layers.Conv2D(8, 3, strides=2, padding="same")(inputs)
    x = layers.Conv2D(8, 3, strides=2, padding="same")(x)
    x = layers.Conv2DTranspose(8, 3, strides=2, padding="same")(x)
    body = layers.Conv2DTranspose(8, 3, padding="same")  # lost its strides=2
    x = body(x)
    outputs = layers.Conv2DTranspose(1, 3, padding="same")(x)  # the 1-channel head, stride 1 by design
    model = keras.Model(inputs, outputs)
    model.compile(optimizer="sgd", loss="mse")
    data = np.random.rand(16, 16, 16, 1).astype("float32")
    call, prob = _problem(model, data, data)
    assert prob.culprit_kind == "layer" and prob.layer is body
    first = _first(prob)
    assert first.edits == [("config", body, {"strides": (2, 2), "padding": "same"})]
    verdict = verify(call, prob, first, None)
    assert verdict.ok and verdict.result_shape == "(None, 16, 16, 1)"


def test_return_sequences_off_also_unwraps_the_time_distributed_dense():
    lstm = layers.LSTM(8, return_sequences=True)
    model = keras.Sequential([keras.Input((12, 4)), lstm, layers.Dropout(0.2),
                              layers.TimeDistributed(layers.Dense(5)), layers.Activation("softmax")])
    model.compile(optimizer="sgd", loss="categorical_crossentropy")
    x = np.random.rand(30, 12, 4).astype("float32")
    y = np.eye(5, dtype="float32")[np.random.randint(0, 5, size=30)]
    diagnosis = shapedoctor.diagnose(model, x, y)
    first = diagnosis.fixes[0]
    assert "return_sequences=False" in first.title and "TimeDistributed" in first.title
    assert first.verified and first.result_shape == "(None, 5)"
