"""A fix of the declared input that needs the data to move with it, and the evidence for which side
is wrong (repair/data_follows.py, diagnosis/channel_layout.py).

* A channels-first declaration in a channels-last model, with the script's arrays made channels-first
  for it: one fix declares channels-last AND moves every such array where it was made; verified
  together, and the patched script runs to its end (its fit, validation and predict).
* The same declaration with arrays already channels-last: the declaration alone (one edit).
* At fit, same sizes in another channel order: channels-last data against a channels-first declaration
  blames and changes the declaration (never transposes the right data); channels-first data against a
  channels-last declaration moves the data (never declares its layout).
* A trailing axis Keras adds by itself (Conv1D rows): the declaration alone, the data untouched.

Real Keras in this process (``run_script`` + the pipeline, patched scripts run the same way), and one
``shapedoctor run --write`` end to end under ``SHAPEDOCTOR_LONG=1`` (CI writes corpus case c130 instead;
corpus cases c130-c132 in other shapes here).
"""

from __future__ import annotations

import linecache
import os

import pytest
from conftest import line_of, report_of
from training_calls import diagnose_as_run as _diagnose
from training_calls import runs_patched as _runs_patched
from training_calls import write_body as _write

from shapedoctor.patch.apply import make_patch
from shapedoctor.repair.data_follows import layout_move, made_at
from shapedoctor.trace.sites import Site

CHANNELS_FIRST_ARRAYS = '''pixels = np.random.rand(40, 24, 24, 3).astype("float32")
images = np.transpose(pixels, (0, 3, 1, 2))
held_out = np.random.rand(12, 3, 24, 24).astype("float32")
labels = np.random.randint(0, 5, size=(40,))
held_labels = np.random.randint(0, 5, size=(12,))
inputs = keras.Input(shape=(3, 24, 24))
h = layers.Conv2D(8, 3, activation="relu")(inputs)
h = layers.MaxPooling2D(2)(h)
h = layers.Flatten()(h)
outputs = layers.Dense(5, activation="softmax")(h)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(images, labels, epochs=1, batch_size=8, validation_data=(held_out, held_labels))
model.predict(held_out)
'''


def test_channels_first_declaration_moves_the_arrays_made_for_it(tmp_path):
    script = _write(tmp_path, CHANNELS_FIRST_ARRAYS)
    _, diagnosis = _diagnose(script)
    finding = diagnosis.findings[0]
    assert finding.id == "SD105" and finding.culprit.line == line_of(script.read_text(), "keras.Input(")
    first = finding.fixes[0]
    assert first.verified and first.checks["samples"] is True
    code = first.code.splitlines()
    assert code[0].strip() == "inputs = keras.Input(shape=(24, 24, 3))"
    # each channels-first array moves right after the line that made it; `pixels` is channels-last already
    assert code[1:] == ["images = np.moveaxis(images, 1, -1)", "held_out = np.moveaxis(held_out, 1, -1)"]
    patch = make_patch(first.edits)
    after = patch.after.splitlines()
    assert after[after.index("images = np.moveaxis(images, 1, -1)") - 1].startswith("images = np.transpose(")
    assert after[after.index("held_out = np.moveaxis(held_out, 1, -1)") - 1].startswith("held_out = np.random")
    assert "pixels = np.moveaxis" not in patch.after
    assert _runs_patched(tmp_path, first)  # fit with validation, then predict: the whole script


def test_channels_first_declaration_with_channels_last_arrays_keeps_one_edit(tmp_path):
    body = CHANNELS_FIRST_ARRAYS.replace("images = np.transpose(pixels, (0, 3, 1, 2))", "images = pixels") \
        .replace("np.random.rand(12, 3, 24, 24)", "np.random.rand(12, 24, 24, 3)") \
        .replace("inputs = keras.Input(shape=(3, 24, 24))", "channels, side = 3, 24\n"
                 "inputs = keras.Input(shape=(channels, side, side))")
    script = _write(tmp_path, body)
    _, diagnosis = _diagnose(script)
    first = diagnosis.findings[0].fixes[0]
    # the user's own names, in the channels-last order
    assert first.verified and first.code.strip() == "inputs = keras.Input(shape=(side, side, channels))"
    assert len(first.edits) == 1 and "moveaxis" not in (first.patch or "")
    assert _runs_patched(tmp_path, first)


ORDER_AT_FIT = '''inputs = keras.Input(shape={declared})
h = layers.Conv2D(8, 3, padding="same", activation="relu")(inputs)
h = layers.Conv2D(8, 3, padding="same", strides=2, activation="relu")(h)
h = layers.GlobalAveragePooling2D()(h)
outputs = layers.Dense(4, activation="softmax")(h)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
tiles = np.random.rand(24, {data}).astype("float32")
model.fit(tiles, np.random.randint(0, 4, size=(24,)), epochs=1, batch_size=8)
'''


def test_channels_last_data_against_a_channels_first_declaration_changes_the_declaration(tmp_path):
    script = _write(tmp_path, ORDER_AT_FIT.format(declared="(3, 16, 16)", data="16, 16, 3"))
    _, diagnosis = _diagnose(script)
    finding = diagnosis.findings[0]
    assert finding.id == "SD201" and finding.culprit.line == line_of(script.read_text(), "keras.Input(")
    first = finding.fixes[0]
    assert first.verified and "shape=(16, 16, 3)" in first.code
    # transposing the right data to the wrong declaration would run, with colour read as image rows
    assert not any("moveaxis(" in (f.code or "") or "transpose(" in (f.code or "") for f in finding.fixes)


def test_channels_first_data_against_a_channels_last_declaration_moves_the_data(tmp_path):
    script = _write(tmp_path, ORDER_AT_FIT.format(declared="(16, 16, 3)", data="3, 16, 16"))
    _, diagnosis = _diagnose(script)
    finding = diagnosis.findings[0]
    assert finding.id == "SD201" and finding.culprit.line == line_of(script.read_text(), "tiles = ")
    assert finding.fixes[0].verified and finding.fixes[0].code == "tiles = np.moveaxis(tiles, 1, -1)"
    assert not any("shape=(3, 16, 16)" in (f.code or "") for f in finding.fixes)


def test_a_trailing_axis_keras_adds_itself_leaves_the_data_alone(tmp_path):
    body = '''rows = np.random.rand(30, 20).astype("float32")
model = keras.Sequential([keras.Input(shape=(20,)), layers.Conv1D(4, 3), layers.GlobalMaxPooling1D(), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(rows, np.random.rand(30), epochs=1)
'''
    script = _write(tmp_path, body)
    _, diagnosis = _diagnose(script)
    first = diagnosis.findings[0].fixes[0]
    assert first.verified and len(first.edits) == 1 and "shape=(20, 1)" in first.code
    assert "expand_dims" not in (first.patch or "")


def test_a_valid_channels_last_program_is_not_flagged(tmp_path):
    script = _write(tmp_path, ORDER_AT_FIT.format(declared="(16, 16, 3)", data="16, 16, 3"))
    outcome, diagnosis = _diagnose(script)
    assert outcome.exception is None and diagnosis.findings == []


def test_layout_moves_are_axis_moves_or_an_axis_of_one():
    assert layout_move((3, 32, 32), (32, 32, 3)) == "np.moveaxis({x}, 1, -1)"
    assert layout_move((32, 32, 3), (3, 32, 32)) == "np.moveaxis({x}, -1, 1)"
    assert layout_move((60,), (60, 1)) == "np.expand_dims({x}, -1)"
    assert layout_move((60,), (1, 60)) == "np.expand_dims({x}, 1)"
    assert layout_move((28, 28, 1), (64, 64, 1)) is None  # another size is not a layout
    assert layout_move((4, 5), (5, 4)) == "np.moveaxis({x}, 1, -1)"


def test_made_at_is_the_last_assignment_of_the_scope_above_the_statement(tmp_path):
    script = tmp_path / "made.py"
    script.write_text("X = load()\n"
                      "def helper():\n"
                      "    X = 0\n"
                      "    return X\n"
                      "if True:\n"
                      "    X, y = split(X,\n"
                      "                 3)\n"
                      "model = build()\n"
                      "X = again()\n")
    linecache.checkcache(str(script))
    found = made_at(Site(str(script), 8), "X")
    assert (found.line, found.end_line, found.indent) == (6, 7, "    ")  # not the helper's own X, not line 9
    assert made_at(Site(str(script), 1), "X") is None


@pytest.mark.skipif(os.environ.get("SHAPEDOCTOR_LONG") != "1",
                    reason="CI writes and proves corpus case c130, the same compound fix (SHAPEDOCTOR_LONG=1 runs it)")
def test_write_proves_the_declaration_and_the_data_as_one_diff(cli, tmp_path):
    script = _write(tmp_path, CHANNELS_FIRST_ARRAYS)
    original = script.read_text()
    report = report_of(cli("run", "--json", "--write", "script.py", cwd=tmp_path))
    written = script.read_text()
    assert (tmp_path / "script.py.orig").read_text() == original
    assert "keras.Input(shape=(24, 24, 3))" in written
    assert "images = np.moveaxis(images, 1, -1)" in written and "held_out = np.moveaxis(held_out, 1, -1)" in written
    first = report["findings"][0]["fixes"][0]
    assert first["proven"] is True
