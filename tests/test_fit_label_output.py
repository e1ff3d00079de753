"""Labels against the model's output at fit/evaluate time: which side is wrong and the fix an
expert writes (shapedoctor/diagnosis/training.py check_labels and _loss_proven,
training_encoding.py onehot_binary_labels and onehot_to_ids_fix, training_sibling_outputs.py,
training_output_layout.py windowed_pooling_fixes). Mirrors corpus cases t220-t227 in miniature:

* one-hot test labels under the sparse loss after the model trained with it: the labels are the
  culprit, ``np.argmax(y, -1)`` is verified, the loss change (it would break the fit that ran) is
  not offered; argmax of rows that are not all one-hot is never verified (it drops values);
* one-hot binary labels (N, 2) against one sigmoid unit: ``np.argmax`` on the labels first, two
  softmax units with ``categorical_crossentropy`` second; over 3 classes the head is the culprit;
* two heads with integer ids under categorical losses: one compile edit for both, verified;
* a box head on the pooled map another head flattens (corpus t223 itself): the head is the
  culprit, not the pooling, and the Flatten is written right before it;
* a 1-D decoder stride written as an int.

Real scripts run under the recorder in this process (real Keras, TensorFlow backend): culprit
line, first fix's code, verified, the patched script run to its end; one fix is written by
``shapedoctor run --write`` and the written script run with plain python.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import line_of
from training_calls import diagnose_as_run, runs_patched, write_body, written_by_run

EVALUATE_ONEHOT = '''x_train = np.random.rand(40, 6).astype("float32")
y_train = np.random.randint(0, 3, size=(40,))
x_test = np.random.rand(12, 6).astype("float32")
y_test = keras.utils.to_categorical(np.random.randint(0, 3, size=(12,)), 3)
model = keras.Sequential([keras.Input(shape=(6,)), layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x_train, y_train, epochs=1, batch_size=8, verbose=0)
print(model.evaluate(x_test, y_test, verbose=0))
'''

BINARY_ONEHOT = '''images = np.random.rand(24, 8, 8, 1).astype("float32")
is_dog = np.random.randint(0, 2, size=(24,))
labels = keras.utils.to_categorical(is_dog, 2)
model = keras.Sequential()
model.add(keras.Input(shape=(8, 8, 1)))
model.add(layers.Flatten())
model.add(layers.Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(images, labels, epochs=1, batch_size=8, verbose=0)
'''

TWO_HEADS = '''photos = np.random.rand(32, 6).astype("float32")
kind = np.random.randint(0, 4, size=(32,))
colour = np.random.randint(0, 3, size=(32,))
inputs = keras.Input(shape=(6,))
kind_out = layers.Dense(4, activation="softmax", name="kind")(inputs)
colour_out = layers.Dense(3, activation="softmax", name="colour")(inputs)
model = keras.Model(inputs, {"kind": kind_out, "colour": colour_out})
model.compile(optimizer="adam", loss={"kind": "categorical_crossentropy", "colour": "categorical_crossentropy"})
model.fit(photos, {"kind": kind, "colour": colour}, epochs=1, batch_size=8, verbose=0)
'''

DECODER_STRIDE = '''windows = np.random.rand(24, 16, 1).astype("float32")
model = keras.Sequential([
    keras.Input(shape=(16, 1)),
    layers.Conv1D(4, 3, padding="same", strides=2, activation="relu"),
    layers.Conv1DTranspose(4, 3, padding="same", activation="relu"),
    layers.Conv1DTranspose(1, 3, padding="same"),
])
model.compile(optimizer="adam", loss="mse")
model.fit(windows, windows, epochs=1, batch_size=8, verbose=0)
'''

BOX_HEAD = Path(__file__).parent / "corpus" / "t223_multi_output_box_head_on_feature_map" / "script.py"

# (body, kind of culprit, text on the culprit line, first fix's code, text no fix may hold, second fix's code)
CASES = {
    "one-hot rows at evaluate under the sparse loss the model trained with": (
        EVALUATE_ONEHOT, "labels", "y_test = keras.utils", "y_test = np.argmax(y_test, -1)",
        'loss="categorical_crossentropy"'),
    "one-hot binary labels against one sigmoid unit": (
        BINARY_ONEHOT, "labels", "labels = keras.utils", "labels = np.argmax(labels, -1)", "sigmoid\"))",
        'model.add(layers.Dense(2, activation="softmax"))\n'
        'model.compile(optimizer="adam", loss="categorical_crossentropy")'),
    "one-hot labels over three classes against one sigmoid unit": (
        BINARY_ONEHOT.replace("randint(0, 2,", "randint(0, 3,").replace("(is_dog, 2)", "(is_dog, 3)"), "layer",
        "layers.Dense(1,", 'model.add(layers.Dense(3, activation="softmax"))\n'
        'model.compile(optimizer="adam", loss="categorical_crossentropy")', "argmax"),
    "two heads with integer ids under categorical losses": (
        TWO_HEADS, "loss", "model.compile(", 'model.compile(optimizer="adam", loss={"kind": '
        '"sparse_categorical_crossentropy", "colour": "sparse_categorical_crossentropy"})', "to_categorical(kind"),
    "two heads with integer ids under a list of categorical losses": (
        TWO_HEADS.replace('{"kind": kind_out, "colour": colour_out}', "[kind_out, colour_out]").replace(
            'loss={"kind": "categorical_crossentropy", "colour": "categorical_crossentropy"}',
            'loss=["categorical_crossentropy", "categorical_crossentropy"]').replace(
            '{"kind": kind, "colour": colour}', "[kind, colour]"), "loss", "model.compile(",
        'model.compile(optimizer="adam", loss=["sparse_categorical_crossentropy", "sparse_categorical_crossentropy"])',
        "to_categorical(kind"),
    "a box head on the pooled map the class head flattens": (
        BOX_HEAD.read_text().split("\n", 3)[3], "layer", "name=\"bounding_box\")(x)", "x = layers.Flatten()(x)",
        "MaxPooling2D"),
    "a 1-D decoder stride": (
        DECODER_STRIDE, "layer", "layers.Conv1DTranspose(4",
        'layers.Conv1DTranspose(4, 3, padding="same", activation="relu", strides=2),', "strides=(2,)"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_the_side_that_is_wrong_and_the_fix_an_expert_writes(tmp_path, name):
    body, kind, culprit, code, never, *second = CASES[name]
    script = write_body(tmp_path, body)
    finding = diagnose_as_run(script)[1].findings[0]
    assert finding.id == "SD202"
    assert finding.culprit.kind == kind
    assert finding.culprit.line == line_of(script.read_text(), culprit)
    first = finding.fixes[0]
    assert first.verified and first.code.strip() == code
    assert not any(never in f.code for f in finding.fixes)
    assert runs_patched(tmp_path, first)
    if second:
        assert finding.fixes[1].verified and finding.fixes[1].code == second[0]
    if kind == "layer" and "Flatten" in code:  # written right before the head that read the map
        assert first.line == finding.culprit.line


def test_argmax_of_rows_that_are_not_all_one_hot_is_never_verified():
    import numpy as np

    from shapedoctor.diagnosis.training_encoding import onehot_to_ids_fix

    fix = onehot_to_ids_fix()
    assert fix.apply(np.eye(3)[[0, 2, 1]]).tolist() == [0, 2, 1]
    assert fix.checks(None) == [("keeps_data", True, "")]
    fix.apply(np.array([[0.7, 0.3, 0.0], [0.0, 0.0, 1.0]]))
    assert fix.checks(None)[0][:2] == ("keeps_data", False)


def test_the_evaluate_labels_fix_is_written_and_the_script_runs(tmp_path):
    write_body(tmp_path, EVALUATE_ONEHOT)
    assert "y_test = np.argmax(y_test, -1)" in written_by_run(tmp_path)
