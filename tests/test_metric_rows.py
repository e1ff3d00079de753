"""A (batch, classes) metric on per-position maps gets a subclass that flattens them (real Keras; r672).

``FBetaScore``/``F1Score`` take (batch, classes) rows only and refuse a per-step tagger's
(batch, steps, classes) outputs while the loss accepts them. The fix writes the reporter's
workaround: a subclass of the metric that reshapes labels and predictions to (-1, classes), used
where the metric was made, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras

TAGS = 4
rng = np.random.default_rng(12)
tokens = rng.normal(size=(40, 10, 6)).astype("float32")
tags = keras.utils.to_categorical(rng.integers(0, TAGS, size=(40, 10)), TAGS)
tagger = keras.Sequential([keras.Input(shape=(10, 6)), keras.layers.LSTM(8, return_sequences=True),
                           keras.layers.Dense(TAGS, activation="softmax")])
tagger.compile(optimizer="adam", loss="categorical_crossentropy", metrics=[keras.metrics.FBetaScore(beta=2.0)])
tagger.fit(tokens, tags, batch_size=8, epochs=1, verbose=0)
print(tagger.evaluate(tokens, tags, verbose=0))
'''


def test_the_metric_becomes_a_subclass_that_flattens_the_maps(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    [finding] = report["findings"]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "tagger.compile(")
    [fix] = finding["fixes"]
    assert fix["proven"]
    assert "class PerPositionFBetaScore(keras.metrics.FBetaScore):" in fix["code"]
    assert "y_true = keras.ops.reshape(y_true, (-1, TAGS))" in fix["code"]
    assert "metrics=[PerPositionFBetaScore(beta=2.0)]" in fix["code"]


def test_integer_masks_get_no_flattening(tmp_path):
    script = SCRIPT.replace("keras.utils.to_categorical(rng.integers(0, TAGS, size=(40, 10)), TAGS)",
                            "rng.integers(0, TAGS, size=(40, 10))").replace(
        'loss="categorical_crossentropy"', 'loss="sparse_categorical_crossentropy"')
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    assert all("PerPosition" not in fix["code"] for f in report["findings"] for fix in f["fixes"])
