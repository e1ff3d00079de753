"""A compiled metric that refuses the labels the loss accepts (real Keras; r668, r669, r672).

The training step updates the metrics after the loss, so the error comes from inside a metric while
the traceback names neither. Each compiled metric is asked on its own (a fresh copy, Keras's own
``update_state``) with a few labels and predictions of the model's output shape; the one that refuses
is named. Precision-like metrics on a two-way softmax of 0/1 labels get the one-sigmoid head, MeanIoU on
probabilities gets ``sparse_y_pred=False``, both proven by running the patched script; F1Score on
per-position outputs is named without a fix. A model whose metrics accept the labels is left alone.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

BINARY = '''import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(8)
readings = rng.normal(size=(200, 6)).astype("float32")
faulty = (readings[:, 2] > 0.8).astype("int64")
detector = keras.Sequential([keras.Input(shape=(6,)), layers.Dense(12, activation="relu"),
                             layers.Dense(2, activation='softmax')])
detector.compile(optimizer="adam", loss='sparse_categorical_crossentropy',
                 metrics=[keras.metrics.Recall(), keras.metrics.AUC()])
detector.fit(readings, faulty, batch_size=20, epochs=1, verbose=0)
print(detector.evaluate(readings, faulty, verbose=0)[0] > 0)
'''

TAGGER = '''import numpy as np
import keras
from keras import layers

N_TAGS = 5
rng = np.random.default_rng(9)
signals = rng.random((40, 16, 2)).astype("float32")
tags = rng.integers(0, N_TAGS, size=(40, 16))
seq_in = keras.Input(shape=(16, 2))
h = layers.Conv1D(8, 3, padding="same", activation="relu")(seq_in)
tag_probs = layers.Conv1D(N_TAGS, 1, activation="softmax")(h)
tagger = keras.Model(seq_in, tag_probs)
overlap = keras.metrics.MeanIoU(num_classes=N_TAGS)
tagger.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=[overlap])
tagger.fit(signals, tags, batch_size=8, epochs=1, verbose=0)
print(len(tagger.metrics_names))
'''


def _errors(report: dict) -> list:
    return [f for f in report["findings"] if f["severity"] == "error"]


def test_precision_like_metrics_on_a_two_way_softmax_get_one_sigmoid_unit(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, BINARY)
    assert proc.returncode == 1, proc.stderr
    [finding] = _errors(report)
    assert finding["message"].startswith("metric `Recall` refuses labels (200,)")
    assert finding["culprit"]["line"] == line_of(BINARY, "layers.Dense(2, activation=")
    [fix] = finding["fixes"]
    assert fix["proven"] and fix["code"] == "layers.Dense(1, activation='sigmoid')])"
    written = written_and_run(run_cli, tmp_path)
    assert "loss='binary_crossentropy'" in written and "Dense(1, activation='sigmoid')" in written


def test_mean_iou_on_probabilities_takes_their_argmax_itself(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, TAGGER)
    assert proc.returncode == 1, proc.stderr
    [finding] = _errors(report)
    assert finding["culprit"]["line"] == line_of(TAGGER, "overlap = keras.metrics.MeanIoU(")
    [fix] = finding["fixes"]
    assert fix["proven"] and fix["code"] == "overlap = keras.metrics.MeanIoU(num_classes=N_TAGS, sparse_y_pred=False)"


def test_f1_score_on_per_position_outputs_gets_a_subclass_that_flattens_them(tmp_path):
    onehot = TAGGER.replace("loss=\"sparse_categorical_crossentropy\", metrics=[overlap]",
                            "loss=\"categorical_crossentropy\", metrics=[overlap]").replace(
        "overlap = keras.metrics.MeanIoU(num_classes=N_TAGS)", "overlap = keras.metrics.F1Score(average=\"macro\")").replace(
        "tags = rng.integers(0, N_TAGS, size=(40, 16))",
        "tags = keras.utils.to_categorical(rng.integers(0, N_TAGS, size=(40, 16)), N_TAGS)")
    report, _, proc = run_json(run_cli, tmp_path, onehot)
    assert proc.returncode == 1, proc.stderr
    [finding] = _errors(report)
    assert finding["message"].startswith("metric `F1Score` refuses labels (40, 16, 5)")
    assert finding["culprit"]["line"] == line_of(onehot, "overlap = keras.metrics.F1Score(")
    [fix] = finding["fixes"]
    assert fix["proven"] and "y_pred = keras.ops.reshape(y_pred, (-1, N_TAGS))" in fix["code"]
    assert 'overlap = PerPositionF1Score(average="macro")' in fix["code"]


def test_metrics_that_accept_the_labels_are_left_alone(tmp_path):
    right = BINARY.replace("layers.Dense(2, activation='softmax')", "layers.Dense(1, activation='sigmoid')").replace(
        "loss='sparse_categorical_crossentropy'", "loss='binary_crossentropy'")
    report, _, proc = run_json(run_cli, tmp_path, right)
    assert proc.returncode == 0 and report["status"] == "ok", proc.stdout[-2000:]
