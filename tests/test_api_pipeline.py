"""``shapedoctor.diagnose()`` goes through the one pipeline (shapedoctor/api.py -> pipeline.diagnose):
the same findings as ``shapedoctor run`` for the same program, a subclassed model checked on its
functional twin, and a predicted failure reported as an error (the call was checked, never run).

Real Keras models and data; the `run` side runs the same program under the recorder in this process.
"""

from __future__ import annotations

import runpy

import numpy as np

import shapedoctor
from conftest import line_of
from training_calls import diagnose_as_run, write_body

# A GRU that keeps every step feeding a one-row-per-sample classifier head (labels (N, 4)).
TAGGER = '''inputs = keras.Input(shape=(15, 6))
h = layers.GRU(8, return_sequences=True)(inputs)
outputs = layers.Dense(4, activation="softmax")(h)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="categorical_crossentropy")
x = np.random.rand(16, 15, 6).astype("float32")
y = keras.utils.to_categorical(np.random.randint(0, 4, size=(16,)), 4)
'''

SUBCLASS = '''class Classifier(keras.Model):
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
'''


def test_the_api_and_run_give_the_same_verdict(tmp_path):
    script = write_body(tmp_path, TAGGER + "model.fit(x, y, epochs=1, verbose=0)\n")
    _, by_run = diagnose_as_run(script)
    names = runpy.run_path(str(write_body(tmp_path, TAGGER, "module.py")))
    by_api = shapedoctor.diagnose(names["model"], names["x"], names["y"])
    run_finding, api_finding = by_run.findings[0], by_api.findings[0]
    assert api_finding.severity == "error"  # checked, never run: not reported as a silent broadcast
    assert api_finding.id == run_finding.id == "SD202"
    assert api_finding.culprit.layer == names["model"].layers[1].name and run_finding.culprit.layer.startswith("gru")
    # without a recording of the program, the API cannot know the line that made the layer: the fix
    # is the layer's new setting, written at the diagnose() call (`run` rewrites the GRU's own line)
    assert run_finding.culprit.line == line_of(TAGGER, "layers.GRU") + _head_lines()
    for finding in (run_finding, api_finding):
        assert "return_sequences=False" in finding.fixes[0].code and finding.fixes[0].verified
    assert by_api.training_calls[0]["y"] == "(16, 4)"


def test_a_subclassed_model_is_checked_on_its_twin_through_the_api(tmp_path):
    module = write_body(tmp_path, SUBCLASS, "module.py")
    names = runpy.run_path(str(module))
    diagnosis = shapedoctor.diagnose(names["model"], names["x"], names["y"])
    finding = diagnosis.findings[0]
    assert finding.severity == "error" and finding.culprit.layer == names["model"].rnn.name
    assert "functional model of the same layers" in finding.explanation
    fix = finding.fixes[0]
    assert "return_sequences=False" in fix.code and fix.verified
    weights = [w.copy() for w in names["model"].get_weights()]
    shapedoctor.diagnose(names["model"], names["x"], names["y"])
    assert all(np.array_equal(a, b) for a, b in zip(weights, names["model"].get_weights()))


def test_a_valid_call_gives_no_finding_through_the_api(tmp_path):
    names = runpy.run_path(str(write_body(tmp_path, TAGGER.replace("return_sequences=True", "return_sequences=False"),
                                          "module.py")))
    assert shapedoctor.diagnose(names["model"], names["x"], names["y"]).findings == []


def _head_lines() -> int:
    """Lines before the body (the usual imports written by ``write_body``)."""
    from training_calls import HEAD

    return len(HEAD.splitlines())


def test_under_run_the_api_names_the_users_lines_and_leaves_the_programs_report_alone(tmp_path, capsys):
    body = TAGGER + ('import shapedoctor\nfinding = shapedoctor.diagnose(model, x, y).findings[0]\n'
                     'print("API", finding.culprit.line, finding.fixes[0].code)\n')
    script = write_body(tmp_path, body)
    _, outer = diagnose_as_run(script)
    printed = capsys.readouterr().out
    gru = line_of(TAGGER, "layers.GRU") + _head_lines()
    assert f"API {gru} h = layers.GRU(8, return_sequences=False)(inputs)" in printed
    # the verification's clones and training steps are shapedoctor's, not the program's
    assert outer.findings == [] and outer.training_calls == [] and outer.ok_paths == []
