"""The source article's three examples, as acceptance tests (under Keras 3)."""

from __future__ import annotations

from conftest import report_of


def test_example1_dense1_then_dense64_is_valid(cli):
    proc = cli("run", "--json", "examples/seed_example1_dense_units.py")
    report = report_of(proc)
    assert proc.returncode == 0
    assert report["status"] == "ok" and report["findings"] == []
    first = report["models"][0]
    assert [s["output_shape"] for s in first] == ["(100, 10)", "(100, 1)", "(100, 64)"]


def test_example1_terminal_output_says_no_problem_and_shows_path(cli):
    proc = cli("run", "examples/seed_example1_dense_units.py")
    assert proc.returncode == 0
    assert "no shape problem found" in proc.stdout
    assert "(100, 64)" in proc.stdout


def test_example2_articles_reshape_fix_is_reported_with_working_fixes(cli):
    proc = cli("run", "--json", "examples/seed_example2_reshape.py")
    report = report_of(proc)
    assert proc.returncode == 1
    finding = report["findings"][0]
    assert finding["id"] == "SD103"
    assert finding["culprit"]["line"] == 20 and finding["culprit"]["class"] == "Reshape"
    assert "dense_2" in finding["explanation"] or "Dense(units=1)" in finding["explanation"]
    codes = [f["code"] for f in finding["fixes"]]
    assert all(f["verified"] for f in finding["fixes"])
    assert any("Dense(64)" in c for c in codes)
    assert any("RepeatVector(64)" in c for c in codes)
    assert not any(c.strip().rstrip(",") == "layers.Reshape((64,))" for c in codes)
    assert all(f["result_shape"] == "(None, 64)" for f in finding["fixes"])


def test_example3_lstm_after_dense_suggests_repeat_vector(cli):
    proc = cli("run", "--json", "examples/seed_example3_lstm.py")
    report = report_of(proc)
    assert proc.returncode == 1
    finding = report["findings"][0]
    assert finding["id"] == "SD101"
    assert finding["consumer"] == {"layer": "lstm", "class": "LSTM", "file": "examples/seed_example3_lstm.py", "line": 13}
    assert finding["culprit"]["line"] == 12 and finding["culprit"]["class"] == "Dense"
    fix = finding["fixes"][0]
    assert "RepeatVector(64)" in fix["code"] and fix["verified"] and fix["result_shape"] == "(None, 64)"
    assert [p["output_shape"] for p in finding["path"]][:2] == ["(None, 10)", "(None, 1)"]
