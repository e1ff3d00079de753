"""Command-line behaviour: exit codes, usage errors, pass-through of non-shape errors."""

from __future__ import annotations

import textwrap

from conftest import report_of


def test_missing_script_is_a_usage_error(cli, tmp_path):
    proc = cli("run", str(tmp_path / "nope.py"))
    assert proc.returncode == 2
    assert "no such file" in proc.stderr and "Traceback" not in proc.stderr


def test_syntax_error_in_script_is_reported_as_python_reports_it(cli, tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f(:\n")
    proc = cli("run", str(bad))
    assert proc.returncode == 1 and proc.stderr.endswith("SyntaxError: invalid syntax\n")
    assert "Traceback" not in proc.stderr and "shapedoctor" not in proc.stderr


def test_non_shape_exception_is_reraised_unchanged(cli, tmp_path):
    script = tmp_path / "boom.py"
    script.write_text("import keras\nraise KeyError('boom')\n")
    proc = cli("run", str(script))
    assert proc.returncode == 1
    assert "KeyError: 'boom'" in proc.stderr
    assert "shapedoctor" not in proc.stderr.split("KeyError")[0].split("Traceback")[-1]


def test_script_exit_code_and_argv_are_kept(cli, tmp_path):
    script = tmp_path / "args.py"
    script.write_text("import sys\nprint(sys.argv[1:])\nsys.exit(3)\n")
    proc = cli("run", str(script), "a", "--b")
    assert proc.returncode == 3 and "['a', '--b']" in proc.stdout


def test_help_teaches_usage(cli):
    proc = cli("run", "--help")
    assert proc.returncode == 0 and "examples:" in proc.stdout and "verified" in proc.stdout


def test_json_keeps_stdout_clean_when_script_prints(cli, tmp_path):
    script = tmp_path / "p.py"
    script.write_text(textwrap.dedent("""\
        import keras
        from keras import layers
        print("hello from the script")
        keras.Sequential([keras.Input(shape=(4,)), layers.Dense(2), layers.LSTM(3)])
    """))
    proc = cli("run", "--json", str(script))
    report = report_of(proc)
    assert report["version"] == 1 and report["status"] == "mismatch"
    assert "hello from the script" in proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"] == {"kind": "layer", "layer": finding["culprit"]["layer"], "class": "Dense",
                                  "file": str(script), "line": 4}


CUSTOM_LOOP = """\
import numpy as np
import keras
from keras import layers
import tensorflow as tf

model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(16, activation="relu"), layers.Dense(5, activation="softmax")])
opt = keras.optimizers.Adam()
x = np.random.rand(64, 8).astype("float32")
y = np.random.randint(0, 5, size=(64,))
with tf.GradientTape() as tape:
    pred = model(x[:32])
    loss = keras.losses.categorical_crossentropy(y[:32], pred)
grads = tape.gradient(loss, model.trainable_variables)
"""

CUSTOM_TRAIN_STEP = """\
import numpy as np
import keras
from keras import layers
import tensorflow as tf


class Classifier(keras.Model):
    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            pred = self(x, training=True)
            loss = keras.losses.categorical_crossentropy(y, pred)
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        return {"loss": tf.reduce_mean(loss)}


inputs = keras.Input(shape=(8,))
model = Classifier(inputs, layers.Dense(3, activation="softmax")(inputs))
model.compile(optimizer="adam")
model.fit(np.zeros((32, 8)), np.random.randint(0, 3, size=(32,)), epochs=1, verbose=0)
"""


def test_shape_error_outside_recorded_layers_is_read_from_its_text(cli, tmp_path):
    """A loss called in a custom loop or a train_step of the user's own raises where the recorder
    sees no layer fail: the finding is explain's reading of the traceback, at the user's line,
    its fixes marked not verified, and the user's traceback still printed as Python prints it."""
    for name, source, line, classes in (("loop.py", CUSTOM_LOOP, 12, 5), ("step.py", CUSTOM_TRAIN_STEP, 21, 3)):
        script = tmp_path / name
        script.write_text(source)
        proc = cli("run", "--json", str(script))
        report = report_of(proc)
        assert proc.returncode == 1 and report["status"] == "mismatch", name
        finding = report["findings"][0]
        assert finding["id"] == "SD202" and finding["culprit"]["kind"] == "labels", name
        assert (finding["culprit"]["file"], finding["culprit"]["line"]) == (str(script), line), name
        codes = [fx["code"] for fx in finding["fixes"]]
        assert 'model.compile(loss="sparse_categorical_crossentropy", ...)' in codes, name
        assert proc.stderr.rstrip().endswith(f"output.shape=(32, {classes})"), name
        if name == "loop.py":  # no training call: explain's reading of the text, suggestions only
            assert f"y = keras.utils.to_categorical(y, {classes})" in codes
            assert not any(fx["verified"] for fx in finding["fixes"])
        else:  # the labels given to fit reached the loss unchanged: one-hot them there, proven by a run
            first = finding["fixes"][0]
            assert first["code"] == ("model.fit(np.zeros((32, 8)), keras.utils.to_categorical(np.random.randint(0, 3, "
                                     "size=(32,)), 3), epochs=1, verbose=0)")
            assert first["verified"] and first["proven"]
            assert not any(fx["verified"] for fx in finding["fixes"][1:])


def test_json_answers_even_for_an_error_that_is_not_about_shapes(cli, tmp_path):
    script = tmp_path / "ke.py"
    script.write_text("import keras\nconfig = {'units': 4}\nprint(config['activation'])\n")
    proc = cli("run", "--json", str(script))
    report = report_of(proc)
    assert proc.returncode == 1
    assert report["status"] == "error" and report["findings"] == [] and report["error"] == "KeyError: 'activation'"
    assert report["error_at"] == {"file": str(script), "line": 3}
    assert proc.stderr.rstrip().endswith("KeyError: 'activation'")
