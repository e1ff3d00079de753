"""A keras.Model subclass whose loss refuses the labels at fit (shapedoctor/diagnosis/subclassed_twin.py):
the model's own call() is run on a symbolic input after the failure, and the training call is
checked again on that functional twin of the same layers, so the layer that made the output wrong is
the root cause and its fixes are verified by a training step and written in the user's class.

Real scripts run under the recorder in this process (real Keras, TensorFlow backend); one fix is
written by ``shapedoctor run --write`` and the written script run with plain python.
"""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import line_of
from shapedoctor.diagnosis.subclassed_twin import made_in_call_with_weights
from training_calls import diagnose_as_run, runs_patched, write_body, written_by_run

# The TensorFlow quick start's MyModel with the Flatten call left out of call().
QUICKSTART = '''class MyModel(keras.Model):
    def __init__(self):
        super().__init__()
        self.conv1 = layers.Conv2D(8, 3, activation="relu")
        self.d1 = layers.Dense(16, activation="relu")
        self.d2 = layers.Dense(10)

    def call(self, x):
        x = self.conv1(x)
        x = self.d1(x)
        return self.d2(x)


x_train = np.random.rand(32, 12, 12, 1).astype("float32")
y_train = np.random.randint(0, 10, size=(32,))
model = MyModel()
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit(x_train, y_train, batch_size=16, epochs=1, verbose=0)
'''

SEQUENCES = '''class Classifier(keras.Model):
    def __init__(self, classes):
        super().__init__()
        self.rnn = layers.GRU(8, return_sequences=True)
        self.head = layers.Dense(classes, activation="softmax")

    def call(self, inputs):
        return self.head(self.rnn(inputs))


x = np.random.rand(16, 15, 6).astype("float32")
y = keras.utils.to_categorical(np.random.randint(0, 4, size=(16,)), 4)
model = Classifier(4)
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(x, y, epochs=1, verbose=0)
'''


def test_a_subclass_that_skips_its_flatten_names_the_dense_and_pools_in_call(tmp_path):
    script = write_body(tmp_path, QUICKSTART)
    text = script.read_text()
    finding = diagnose_as_run(script)[1].findings[0]
    assert finding.id == "SD202"
    assert finding.culprit.kind == "layer"
    # where the Dense is applied to the feature map (not where it is created)
    assert finding.culprit.line == line_of(text, "x = self.d1(x)")
    first = finding.fixes[0]
    assert first.verified
    # written in call(), before the Dense, never into the line that creates the Dense
    assert first.code.strip() in ("x = layers.Flatten()(x)", "x = layers.GlobalAveragePooling2D()(x)")
    assert first.line == line_of(text, "x = self.d1(x)")
    assert "subclass" in finding.explanation
    assert runs_patched(tmp_path, first)


def test_a_subclassed_rnn_that_returns_every_step_is_the_cause_and_the_written_fix_runs(tmp_path):
    script = write_body(tmp_path, SEQUENCES)
    text = script.read_text()
    finding = diagnose_as_run(script)[1].findings[0]
    assert finding.culprit.line == line_of(text, "self.rnn = ")
    first = finding.fixes[0]
    assert first.verified
    assert first.code.strip() == "self.rnn = layers.GRU(8, return_sequences=False)"
    assert "layers.GRU(8, return_sequences=False)" in written_by_run(tmp_path)


def test_a_call_that_needs_real_tensors_has_no_twin_and_keeps_the_text_reading(tmp_path):
    # call() uses a TensorFlow op, which Keras refuses on a symbolic input: there is no twin; the
    # error is still diagnosed from its text (the fit line), never a crash of shapedoctor.
    body = "import tensorflow as tf\n\n" + SEQUENCES.replace(
        "return self.head(self.rnn(inputs))", "return self.head(self.rnn(inputs)) + tf.reduce_mean(inputs) * 0.0")
    script = write_body(tmp_path, body)
    finding = diagnose_as_run(script)[1].findings[0]
    assert "subclass" not in finding.explanation
    assert "read from the error text" in finding.explanation
    assert not any(f.verified for f in finding.fixes)


FORECASTER = '''class Forecaster(keras.Model):
    def __init__(self):
        super().__init__()
        self.rnn = layers.LSTM(8, return_sequences=True)
        self.out = layers.Dense(1)

    def call(self, x):
        print("call sees", x.shape)
        return self.out(self.rnn(x))


x = np.random.rand(16, 10, 3).astype("float32")
y = np.random.rand(16, 1).astype("float32")
model = Forecaster()
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=1, verbose=0)
'''


def test_a_subclass_whose_loss_broadcasts_silently_is_found_after_the_run(tmp_path):
    script = write_body(tmp_path, FORECASTER)
    outcome, diagnosis = diagnose_as_run(script)
    assert outcome.exception is None  # Keras ran it: mse broadcast (16, 1) against (16, 10, 1)
    finding = diagnosis.findings[0]
    assert finding.severity == "warning"
    assert finding.culprit.line == line_of(script.read_text(), "self.rnn = ")
    first = finding.fixes[0]
    assert first.verified and first.code.strip() == "self.rnn = layers.LSTM(8, return_sequences=False)"


def test_a_valid_subclass_gets_ok_and_its_prints_are_not_repeated(tmp_path):
    write_body(tmp_path, FORECASTER.replace("return_sequences=True", "return_sequences=False"))
    plain = subprocess.run([sys.executable, "script.py"], cwd=tmp_path, capture_output=True, text=True, check=True)
    proc = subprocess.run([sys.executable, "-m", "shapedoctor", "run", "--json", "script.py"], cwd=tmp_path,
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout[proc.stdout.index("{"):])
    assert report["status"] == "ok" and report["findings"] == []
    # the program's own prints, as many as under python (the twin's run of call() prints nothing;
    # with --json the program's output goes to stderr)
    assert (proc.stdout + proc.stderr).count("call sees") == plain.stdout.count("call sees") == 3


def test_a_layer_with_weights_made_inside_call_is_never_a_fix():
    assert made_in_call_with_weights("x = layers.Dense(4)(x)")
    assert made_in_call_with_weights('x = keras.layers.Conv2D(3, (1, 1), padding="same")(x)')
    assert not made_in_call_with_weights("x = layers.GlobalAveragePooling2D()(x)")
    assert not made_in_call_with_weights("return self.head(layers.Flatten()(self.rnn(inputs)))")
    assert not made_in_call_with_weights("self.rnn = layers.GRU(8, return_sequences=False)")


def test_a_subclass_with_two_inputs_gets_its_loss_fixed_and_verified(tmp_path):
    body = '''class TwoTower(keras.Model):
    def __init__(self):
        super().__init__()
        self.a = layers.Dense(8, activation="relu")
        self.b = layers.LSTM(8, return_sequences=True)
        self.join = layers.Concatenate()
        self.head = layers.Dense(3, activation="softmax")

    def call(self, inputs):
        tab, seq = inputs
        return self.head(self.join([self.a(tab), self.b(seq)[:, -1, :]]))


tab = np.random.rand(16, 5).astype("float32")
seq = np.random.rand(16, 7, 4).astype("float32")
y = np.random.randint(0, 3, size=(16,))
model = TwoTower()
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit([tab, seq], y, epochs=1, verbose=0)
'''
    script = write_body(tmp_path, body)
    finding = diagnose_as_run(script)[1].findings[0]
    assert finding.culprit.kind == "loss" and finding.culprit.line == line_of(script.read_text(), "model.compile(")
    assert finding.fixes[0].verified
    assert "sparse_categorical_crossentropy" in finding.fixes[0].code
