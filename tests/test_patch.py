"""--diff / --write: minimal edits, proven by running the patched script, written without losing anything."""

from __future__ import annotations

import shutil
import textwrap

import pytest

from conftest import EXAMPLES, report_of


@pytest.fixture
def ex3(tmp_path):
    path = tmp_path / "ex3.py"
    shutil.copy(EXAMPLES / "seed_example3_lstm.py", path)
    return path


def test_diff_of_seed_example3_inserts_repeat_vector_and_is_proven(cli, ex3):
    proc = cli("run", "--no-traceback", "--diff", ex3.name, cwd=ex3.parent)
    assert proc.returncode == 0, proc.stderr
    assert "proven (passed" in proc.stdout
    assert "+    layers.RepeatVector(64),\n" in proc.stdout
    assert ex3.read_text() == (EXAMPLES / "seed_example3_lstm.py").read_text()  # --diff writes nothing


def test_write_keeps_a_byte_identical_backup_and_the_result_runs(cli, ex3):
    original = ex3.read_bytes()
    proc = cli("run", "--no-traceback", "--write", ex3.name, cwd=ex3.parent)
    assert proc.returncode == 0, proc.stderr
    assert (ex3.parent / "ex3.py.orig").read_bytes() == original
    assert "layers.RepeatVector(64)," in ex3.read_text()
    again = cli("run", "--write", ex3.name, cwd=ex3.parent)  # clean now: a no-op
    assert again.returncode == 0 and "nothing written" in again.stdout
    assert not (ex3.parent / "ex3.py.orig.1").exists()


def test_json_fixes_carry_patch_and_proof(cli, ex3):
    report = report_of(cli("run", "--json", "--diff", "--fix", "1", ex3.name, cwd=ex3.parent))
    fix = report["findings"][0]["fixes"][0]
    assert fix["proven"] is True and fix["proof"] == "passed"
    assert fix["patch"].startswith("--- a/ex3.py\n+++ b/ex3.py\n") and fix["lines"] == [13]


def test_file_changed_during_analysis_is_refused(cli, tmp_path):
    script = tmp_path / "selfedit.py"
    script.write_text(textwrap.dedent("""\
        import keras
        from keras import layers
        with open(__file__, "a") as fh:  # the file changes while shapedoctor analyses it
            fh.write("# touched\\n")
        keras.Sequential([keras.Input(shape=(10,)), layers.Dense(1), layers.LSTM(4)])
    """))
    proc = cli("run", "--no-traceback", "--write", script.name, cwd=tmp_path)
    assert proc.returncode == 1
    assert "changed on disk since it was analysed" in proc.stderr
    assert not (tmp_path / "selfedit.py.orig").exists()


def test_file_outside_the_project_directory_is_refused(cli, ex3, tmp_path):
    elsewhere = tmp_path / "project"
    elsewhere.mkdir()
    proc = cli("run", "--no-traceback", "--write", str(ex3), cwd=elsewhere)
    assert proc.returncode == 1 and "outside the project directory" in proc.stderr
    assert ex3.read_text() == (EXAMPLES / "seed_example3_lstm.py").read_text()


def test_unproven_fix_is_shown_but_not_written(cli, tmp_path):
    script = tmp_path / "two_bugs.py"
    script.write_text(textwrap.dedent("""\
        import keras
        from keras import layers
        keras.Sequential([keras.Input(shape=(10,)), layers.Dense(1), layers.LSTM(4)])
        raise RuntimeError("a second, unrelated bug")
    """))
    before = script.read_text()
    proc = cli("run", "--no-traceback", "--write", "--fix", "1", script.name, cwd=tmp_path)
    assert proc.returncode == 1
    assert "NOT proven" in proc.stdout and "nothing was written" in proc.stderr
    assert script.read_text() == before


def test_a_fix_that_broke_an_invariant_is_shown_but_never_written(cli, tmp_path):
    """x[:len(y)] would drop half of the samples (keeps_data): the script would run, and be wrong."""
    script = tmp_path / "half.py"
    script.write_text(textwrap.dedent("""\
        import numpy as np
        import keras
        from keras import layers

        x = np.random.rand(32, 8).astype("float32")
        y = np.random.randint(0, 2, size=(16, 1))
        model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(1, activation="sigmoid")])
        model.compile(optimizer="sgd", loss="binary_crossentropy")
        model.train_on_batch(x, y)
    """))
    before = script.read_text()
    proc = cli("run", "--no-traceback", "--write", script.name, cwd=tmp_path)
    assert proc.returncode == 1
    assert "not verified: keeps_data" in proc.stdout
    assert "nothing to write" in proc.stderr and "proving" not in proc.stderr
    explicit = cli("run", "--no-traceback", "--write", "--fix", "1", script.name, cwd=tmp_path)
    assert explicit.returncode == 1 and "is not verified" in explicit.stderr
    assert script.read_text() == before and not (tmp_path / "half.py.orig").exists()


def test_fix_number_out_of_range_is_a_usage_error(cli, ex3):
    proc = cli("run", "--no-traceback", "--diff", "--fix", "9", ex3.name, cwd=ex3.parent)
    assert proc.returncode == 2 and "--fix 9" in proc.stderr


def test_insertions_at_one_place_keep_their_order():
    from shapedoctor.patch.textedit import TextEdit, apply_edits

    source = "a = [\n    1,\n]\n"
    edits = [TextEdit("f.py", 2, 6, 2, 6, "\n    zebra,"), TextEdit("f.py", 2, 6, 2, 6, "\n    apple,")]
    assert apply_edits(source, edits) == "a = [\n    1,\n    zebra,\n    apple,\n]\n"
