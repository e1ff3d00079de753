"""A regressor whose output layer was left out (real Keras).

The keras-io Boston-housing style regressor (r1098) ends ``Dense(32, "relu")``, ``Dense(32, "relu")`` without the
``Dense(1)`` that predicts the price: mse meets (batch,) targets against (batch, 32). The last layer is a hidden
one (a ReLU as wide as the Dense before it), so the fix adds the missing output layer after it instead of
shrinking it to one ReLU unit; the written script trains. A last layer of its own width stays the one to resize.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers

features = np.random.default_rng(0).normal(size=(96, 13)).astype("float32")
prices = (20 + features @ np.linspace(-1, 1, 13)).astype("float32")
model = keras.Sequential([
    keras.Input(shape=(13,)),
    layers.Dense(16, activation="relu"),
    layers.Dense(16, activation="relu"),
])
model.compile(loss="mse", optimizer="adam")
model.fit(features, prices, batch_size=32, epochs=1, verbose=0)
'''


def test_the_missing_output_layer_is_added_after_the_hidden_one(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    first = finding["fixes"][0]
    assert first["code"] == "layers.Dense(1)," and first["verified"], finding["fixes"]
    written = written_and_run(run_cli, tmp_path)
    assert 'layers.Dense(16, activation="relu"),\n    layers.Dense(1),\n])' in written, written


def test_a_last_layer_of_its_own_width_is_resized(tmp_path):
    script = SCRIPT.replace('layers.Dense(16, activation="relu"),\n])', 'layers.Dense(8, activation="relu"),\n])')
    assert script != SCRIPT
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    first = report["findings"][0]["fixes"][0]
    assert first["code"] == 'layers.Dense(1, activation="relu"),', first
    assert first["line"] == line_of(script, 'layers.Dense(8, activation="relu"),')


ACTIVATION_FUNCTIONS = '''import numpy as np
import tensorflow as tf

model = tf.keras.models.Sequential([
    tf.keras.layers.Input(shape=(8,)),
    tf.keras.layers.Dense(16, activation=tf.nn.relu),
    tf.keras.layers.Dense(10, activation=tf.nn.softmax),
])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(np.random.rand(30, 8), np.eye(6)[np.random.randint(0, 6, 30)], epochs=1, verbose=0)
'''


def test_activations_given_as_functions_keep_the_head_fix(tmp_path):
    # r594: tf.nn.softmax in the config is a dict, not a name; reading it as a name crashed the fit's check
    # (the run fell back to the error text, unverified) before the head's 6 units were offered.
    report, _, proc = run_json(run_cli, tmp_path, ACTIVATION_FUNCTIONS)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(ACTIVATION_FUNCTIONS, "tf.keras.layers.Dense(10, activation=tf.nn.softmax)")
    first = finding["fixes"][0]
    assert first["code"] == "tf.keras.layers.Dense(6, activation=tf.nn.softmax)," and first["verified"]


def test_errors_kept_quiet_during_a_run_are_printed_for_a_bug_report():
    # r594's crash was swallowed by the pre-flight check: SHAPEDOCTOR_DEBUG=1 now prints such errors.
    import io

    from shapedoctor.app.run import report_internal_errors
    from shapedoctor.trace.recorder import Recorder

    recorder = Recorder()
    try:
        {} in frozenset()  # noqa: B015 - the same TypeError the rule raised
    except TypeError as err:
        recorder.internal_errors.append(err)
    stream = io.StringIO()
    assert report_internal_errors(recorder, stream) == 1
    assert "TypeError: unhashable type: 'dict'" in stream.getvalue() and "Traceback" in stream.getvalue()
    assert report_internal_errors(Recorder(), io.StringIO()) == 0
