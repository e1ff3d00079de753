"""A context cut from a window that keeps the label the dataset's map takes from it (real Keras; r703).

Two slices of one window that tile it, joined as the model's inputs, hold the element returned as the
label: every sample is one value wider than the model's input. The slice at the label is the root
cause and leaves the label out, proven by running the patched script; widening the input (which
would train on inputs holding their own answer) is not offered.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras

HALF = 3
SPAN = 2 * HALF + 1
tokens = np.random.default_rng(1).integers(1, 50, size=400).astype("int32")


def to_example(window):
    before = window[:HALF]
    after = window[HALF:]
    return tf.concat([before, after], axis=0), window[HALF]


starts = np.arange(len(tokens) - SPAN)
windows = np.stack([tokens[s:s + SPAN] for s in starts])
pairs = tf.data.Dataset.from_tensor_slices(windows).map(to_example).batch(32)
model = keras.Sequential([keras.Input(shape=(2 * HALF,)), keras.layers.Embedding(50, 8),
                          keras.layers.GlobalAveragePooling1D(), keras.layers.Dense(50, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(pairs, epochs=1, verbose=0)
print(model.count_params())
'''


def test_the_right_slice_that_starts_at_the_label_skips_it(tmp_path):
    # A Sequential starting with an Embedding takes the 7-token samples silently: a warning.
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1 and "850" in proc.stdout + proc.stderr, proc.stderr
    [finding] = report["findings"]
    assert (finding["id"], finding["severity"]) == ("SD201", "warning")
    assert finding["culprit"]["line"] == line_of(SCRIPT, "after = window[HALF:]")
    assert all("Input(" not in fix["code"] for fix in finding["fixes"])
    fix = finding["fixes"][0]
    assert fix["proven"] and fix["code"] == "after = window[HALF + 1 :]"


FUNCTIONAL = SCRIPT.replace(
    """model = keras.Sequential([keras.Input(shape=(2 * HALF,)), keras.layers.Embedding(50, 8),
                          keras.layers.GlobalAveragePooling1D(), keras.layers.Dense(50, activation="softmax")])""",
    """context = keras.Input(shape=(2 * HALF,))
pooled = keras.layers.GlobalAveragePooling1D()(keras.layers.Embedding(50, 8)(context))
model = keras.Model(context, keras.layers.Dense(50, activation="softmax")(pooled))""")


def test_the_left_slice_that_ends_after_the_label_stops_before_it(tmp_path):
    # A functional model checks its input: Keras raises "expected shape=(None, 6), found shape=(None, 7)".
    assert FUNCTIONAL != SCRIPT
    script = FUNCTIONAL.replace("window[:HALF]", "window[:HALF + 1]").replace("window[HALF:]", "window[HALF + 1:]")
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    assert "expected shape=(None, 6), found shape=(None, 7)" in proc.stderr
    [finding] = report["findings"]
    assert (finding["id"], finding["severity"]) == ("SD201", "error")
    assert finding["culprit"]["line"] == line_of(script, "before = window[:HALF + 1]")
    fix = finding["fixes"][0]
    assert fix["proven"] and fix["code"] == "before = window[: HALF]"


def test_slices_around_the_label_are_left_alone(tmp_path):
    for model in (SCRIPT, FUNCTIONAL):
        script = model.replace("window[HALF:]", "window[HALF + 1:]")
        report, _, proc = run_json(run_cli, tmp_path, script)
        assert proc.returncode == 0, proc.stderr
        assert report["findings"] == []
