"""`run` proves a fix that was verified only on the recorded graph by running the patched script.

When a model fails while it is being built, the recording ends at the failing layer: the layers,
``compile`` and ``fit`` after it never ran, so replaying the edited graph cannot see a fix that
breaks the model further on. `run` proves the first such fix (real Keras, the user's own script):
a fix whose patched script still has a shape problem is not verified and moves below the verified
ones; a patched script that then fails for a reason that is not a shape keeps its fix verified.
"""

from __future__ import annotations

from conftest import report_of

# `b` feeds two Adds: the first one meets a 16-wide branch, the second a 32-wide one. Giving `b`
# 16 units lets the first Add build (all the recording reaches) and breaks the second.
TWO_ADDS = """\
import numpy as np
import keras
from keras import layers

inp = keras.Input((10,))
a = layers.Dense(16)(inp)
b = layers.Dense(32)(inp)
m = layers.Add()([a, b])
c = layers.Dense(32)(inp)
n = layers.Add()([b, c])
out = layers.Dense(1)(layers.Concatenate()([m, n]))
model = keras.Model(inp, out)
model.compile(loss="mse")
model.fit(np.zeros((8, 10)), np.zeros((8, 1)), verbose=0)
"""


def _report(cli, tmp_path, text: str) -> dict:
    (tmp_path / "model.py").write_text(text)
    return report_of(cli("run", "--json", "model.py", cwd=tmp_path, timeout=600))


def test_a_fix_that_breaks_the_model_further_on_is_not_verified(cli, tmp_path):
    finding = _report(cli, tmp_path, TWO_ADDS)["findings"][0]
    assert finding["id"] == "SD104"
    fixes = finding["fixes"]
    first = fixes[0]
    # The proven first fix widens the 16-unit branch (line 6); the patched script runs clean.
    assert first["line"] == 6 and "Dense(32)" in first["code"]
    assert first["verified"] and first["proven"] and first["checks"]["proof"] is True
    narrowed = [f for f in fixes if f["line"] == 7 and "Dense(16)" in f["code"]]
    assert narrowed, [f["title"] for f in fixes]
    broken = narrowed[0]
    assert not broken["verified"] and broken["checks"]["proof"] is False
    assert "not verified: proof: a shape problem is left" in broken["title"] and "(line 10)" in broken["title"]
    # Verified fixes come first; the disproved one after them.
    flags = [f["verified"] for f in fixes]
    assert flags == sorted(flags, reverse=True)
    # The proof is evidence about the root cause: line 7's width is needed as it is (line 10), so
    # the layer whose value the proven fix changes is the culprit, and the explanation says why.
    assert finding["culprit"]["line"] == 6 and finding["culprit"]["layer"] == "dense"
    assert "changing line 7 breaks the program further on" in finding["explanation"]
    assert [n["label"] for n in finding["graph"]["nodes"] if n["role"] == "culprit"] == ["dense"]


def test_a_later_failure_that_is_not_a_shape_keeps_the_fix_verified(cli, tmp_path):
    text = TWO_ADDS.replace("inp = keras.Input((10,))", "inp = keras.Input((10,))\nopen_later = 'missing.csv'")
    text += "open(open_later)\n"
    finding = _report(cli, tmp_path, text)["findings"][0]
    first = finding["fixes"][0]
    assert "Running the patched script showed" not in finding["explanation"]  # nothing disproved
    assert first["verified"] and not first["proven"]
    assert "FileNotFoundError" in first["proof"]
    assert "proof" not in first["checks"]


def test_write_reuses_the_proof_run_made(cli, tmp_path):
    (tmp_path / "model.py").write_text(TWO_ADDS)
    proc = cli("run", "--write", "model.py", cwd=tmp_path, timeout=600)
    assert proc.returncode == 0, proc.stderr
    written = (tmp_path / "model.py").read_text()
    assert "a = layers.Dense(32)(inp)" in written and "b = layers.Dense(32)(inp)" in written
    assert (tmp_path / "model.py.orig").read_text() == TWO_ADDS
    # run disproved the narrowing fix and proved the widening one; --write proved nothing again
    assert proc.stderr.count("by running the patched script") == 2, proc.stderr


# One Dense applied twice (8 units, first on 16 features, then on its own 8): the layers are made
# in one tuple assignment. A projecting Dense inserted *into that tuple* replays fine on the graph,
# but the patched line itself fails (three values for two names); a separate-layer fix whose code
# would be the tuple line unchanged expresses nothing. Neither may be called verified.
TUPLE_OF_LAYERS = """\
import numpy as np
import keras
from keras import layers

inp = keras.Input((16,))
enc, head = layers.Dense(8), layers.Dense(1)
h = enc(inp)
h = enc(h)
out = head(h)
model = keras.Model(inp, out)
model.compile("adam", "mse")
model.fit(np.zeros((8, 16)), np.zeros((8, 1)), verbose=0)
"""


def test_a_fix_whose_own_written_line_fails_is_not_verified(cli, tmp_path):
    finding = _report(cli, tmp_path, TUPLE_OF_LAYERS)["findings"][0]
    assert finding["id"] == "SD106" and finding["culprit"]["line"] == 8
    source_lines = TUPLE_OF_LAYERS.splitlines()
    for fix in finding["fixes"]:
        assert not fix["verified"], fix["title"]
        assert fix["code"].strip() not in source_lines, fix  # no rewrite that leaves a line as it is
    projected = [f for f in finding["fixes"] if "Dense(16)" in f["code"]]
    assert projected, [f["title"] for f in finding["fixes"]]
    assert projected[0]["checks"]["proof"] is False
    assert "the line the fix wrote fails: line 6: ValueError: too many values to unpack" in projected[0]["proof"]


def test_written_lines_are_the_patched_files_new_and_replaced_lines():
    from shapedoctor.patch.apply import Patch

    before = "a = 1\nb = 2\nc = 3\n"
    after = "a = 1\nx = 0\nb = 20\nc = 3\n"  # one line inserted before b, b replaced
    assert Patch("f.py", before, after).written_lines == {2, 3}
    assert Patch("f.py", before, before).written_lines == set()


def test_code_that_leaves_the_source_as_it_is_breaks_changes_code(tmp_path):
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.repair.invariants import code_changes

    src = tmp_path / "m.py"
    src.write_text("x = layers.Dense(8)(x)\n")
    same = TextEdit(str(src), 1, 0, 1, len("x = layers.Dense(8)(x)"), "x = layers.Dense(8)(x)")
    other = TextEdit(str(src), 1, 0, 1, len("x = layers.Dense(8)(x)"), "x = layers.Dense(16)(x)")
    assert code_changes([same]) == (False, "the code it would write leaves line 1 as it is")
    assert code_changes([other]) == (True, "")
    assert code_changes([]) == (True, "")
