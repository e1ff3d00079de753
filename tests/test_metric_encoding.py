"""A categorical metric compiled for integer class labels (SD209, silent; real Keras).

``metrics=[keras.metrics.CategoricalAccuracy()]`` beside ``sparse_categorical_crossentropy`` on class ids
(r670, keras-team/keras#2471) runs and reports a meaningless accuracy. The warning points at the metric;
the fix writes the sparse metric and renames the history key the script reads, proven by running the
patched script. The same metric on one-hot labels is left alone.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras

rng = np.random.default_rng(4)
x = rng.random((60, 5)).astype("float32")
kinds = rng.integers(0, 3, size=(60, 1))
inp = keras.Input((5,))
net = keras.Model(inp, keras.layers.Dense(3, activation="softmax")(inp))
net.compile(optimizer="adam", loss="sparse_categorical_crossentropy",
            metrics=[keras.metrics.CategoricalAccuracy()])
log = net.fit(x, kinds, epochs=1, verbose=0)
print(log.history["categorical_accuracy"])
'''


def test_a_categorical_metric_on_class_ids_is_a_silent_warning_with_the_sparse_metric(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr  # a finding, as for any warning
    finding = next(f for f in report["findings"] if f["id"] == "SD209")
    assert finding["severity"] == "warning"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "metrics=[keras.metrics.CategoricalAccuracy()]")
    first = finding["fixes"][0]
    assert first["code"] == "metrics=[keras.metrics.SparseCategoricalAccuracy()])" and first["proven"]


def test_the_same_metric_on_one_hot_labels_is_ok(tmp_path):
    one_hot = SCRIPT.replace('kinds = rng.integers(0, 3, size=(60, 1))',
                             'kinds = keras.utils.to_categorical(rng.integers(0, 3, size=60), 3)')
    one_hot = one_hot.replace("sparse_categorical_crossentropy", "categorical_crossentropy")
    report, _, proc = run_json(run_cli, tmp_path, one_hot)
    assert proc.returncode == 0, proc.stderr
    assert report["findings"] == []


def test_a_top_k_metric_that_crashes_on_class_ids_is_the_error_itself(tmp_path):
    # r1114 (Hands-on ML 2, chapter 15): top_k_categorical_accuracy on class ids makes in_top_k raise
    # "Shape must be rank 1 but is rank 0"; the error is the metric's, not a missing axis of the data.
    script = SCRIPT.replace("metrics=[keras.metrics.CategoricalAccuracy()]",
                            'metrics=["accuracy", "top_k_categorical_accuracy"]').replace(
        'print(log.history["categorical_accuracy"])', "print(sorted(log.history))").replace(
        "size=(60, 1)", "size=60")
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD209" and finding["severity"] == "error", finding
    assert finding["culprit"]["line"] == line_of(script, 'metrics=["accuracy", "top_k_categorical_accuracy"]')
    assert finding["fixes"][0]["code"] == 'metrics=["accuracy", "sparse_top_k_categorical_accuracy"])'
    assert not any(f["id"] == "SD101" for f in report["findings"])
