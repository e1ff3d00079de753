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
