"""Hostile scripts: `shapedoctor run script.py` must behave exactly as `python script.py`.

Each test runs the same script both ways (real Keras, in subprocesses) and compares exit code,
stdout and stderr: the script's own output, its warnings and tracebacks (also a thread's) must
be byte for byte the same; shapedoctor only adds its report on stdout after the script's own
output. Several behaviours share a script to keep CI time small (each run imports TensorFlow).
Scripts live in tests/hostile/.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import ROOT

HOSTILE = "tests/hostile"  # relative, as a user types it: tracebacks must still name the absolute path


def _env() -> dict:
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", TF_ENABLE_ONEDNN_OPTS="0", COLUMNS="120")
    env.pop("PYTHONWARNINGS", None)  # warnings are part of what must not change
    return env


def both(script: str, *args: str, stdin: str = "", cwd=ROOT) -> tuple[subprocess.CompletedProcess, ...]:
    """(python script.py, shapedoctor run script.py), same cwd, stdin and arguments."""
    runs = []
    for prefix in ([sys.executable], [sys.executable, "-m", "shapedoctor", "run"]):
        runs.append(subprocess.run([*prefix, script, *args], cwd=cwd, input=stdin, capture_output=True, text=True,
                                   env=_env(), timeout=300))
    return tuple(runs)


def same_as_python(py: subprocess.CompletedProcess, sd: subprocess.CompletedProcess) -> str:
    """Assert the script's own output is unchanged; return what shapedoctor added on stdout."""
    assert sd.stderr == py.stderr, f"stderr differs\n--- python\n{py.stderr}\n--- shapedoctor\n{sd.stderr}"
    assert sd.stdout.startswith(py.stdout), f"stdout differs\n--- python\n{py.stdout}\n--- shapedoctor\n{sd.stdout}"
    return sd.stdout[len(py.stdout):]


def test_custom_layers_of_every_constructor_shape_save_and_warn_as_under_python():
    py, sd = both(f"{HOSTILE}/custom_layers_save_warn.py")
    assert py.returncode == 0, py.stderr
    assert "saved True" in py.stdout and "checkpoint True" in py.stdout and "net saved" in py.stdout
    # Keras's warning names dense.py (its stacklevel), the user's names the user's line.
    assert "warning at dense.py" in py.stdout and "warning at custom_layers_save_warn.py 140" in py.stdout
    assert "dense.py:" in py.stderr and "UserWarning: Do not pass an `input_shape`" in py.stderr
    assert "UserWarning: from call" in py.stderr
    added = same_as_python(py, sd)  # same signatures, configs, warnings (file:line) and files saved
    assert sd.returncode == 0 and "✓ no shape problem found" in added


def test_shape_error_in_a_thread_keeps_pythons_traceback_and_is_diagnosed():
    py, sd = both(f"{HOSTILE}/shape_error_in_thread.py")
    assert py.returncode == 0 and "Exception in thread worker" in py.stderr
    assert "expected ndim=3, found ndim=2" in py.stderr and "shapedoctor" not in py.stderr
    assert "layers called: ['Dense', 'LSTM', 'Scale', 'Sequential']" in py.stdout
    added = same_as_python(py, sd)  # no shapedoctor frame in the thread's traceback
    assert "error[SD101]" in added and "no shape problem found" not in added
    assert "root cause: dense at tests/hostile/shape_error_in_thread.py:27" in added
    assert sd.returncode == 1


def test_stdin_chdir_process_pool_dying_thread_patched_keras_and_sys_exit():
    py, sd = both(f"{HOSTILE}/stdin_chdir_pool_exit.py", stdin="hello\n")
    assert py.returncode == 3
    assert "stdin: HELLO" in py.stdout and "pool: [0, 1, 4, 9, 16]" in py.stdout
    assert "fit patched away" in py.stdout and "RuntimeError: worker gave up" in py.stderr
    added = same_as_python(py, sd)
    assert sd.returncode == 3
    # A thread died of something that is not a shape error: no verdict, never "no problem".
    assert "no shape problem found" not in added and "a thread ended with RuntimeError" in added


@pytest.mark.serial  # timing-sensitive: runs after the parallel part (see the Makefile)
def test_keyboard_interrupt_ends_the_run_as_under_python(tmp_path):
    script = tmp_path / "interrupted.py"
    script.write_text("import atexit\natexit.register(print, 'atexit ran')\nprint('working')\n"
                      "raise KeyboardInterrupt\n")
    py, sd = both(str(script))
    assert py.returncode == -2 and "KeyboardInterrupt" in py.stderr and "atexit ran" in py.stdout
    assert same_as_python(py, sd) == ""
    assert sd.returncode == py.returncode


@pytest.mark.parametrize("name, content", [
    ("bad.py", b"def f(:\n"),
    ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    ("latin1.py", b"x = '\xe9t\xe9'\n"),
    ("nul.py", b"x = 1\x00\n"),
])
def test_files_python_cannot_compile_give_pythons_own_message(tmp_path, name, content):
    script = tmp_path / name
    script.write_bytes(content)
    py, sd = both(name, cwd=tmp_path)
    assert py.returncode == 1 and "SyntaxError" in py.stderr
    assert (sd.returncode, sd.stdout, sd.stderr) == (py.returncode, py.stdout, py.stderr)


def test_not_python_text_that_happens_to_parse_fails_as_under_python(tmp_path):
    (tmp_path / "data.csv").write_text("a,b\n1,2\n")
    py, sd = both("data.csv", cwd=tmp_path)
    assert py.returncode == 1 and "NameError: name 'a' is not defined" in py.stderr
    assert same_as_python(py, sd) == "" and sd.returncode == 1


def test_idle_executor_workers_do_not_hang_the_run_and_user_threads_are_waited_for():
    py, sd = both(f"{HOSTILE}/idle_thread_pool.py")  # a hang would hit the 300 s timeout
    assert py.returncode == 0 and py.stdout.splitlines() == ["pool says 42", "main done", "late thread done"]
    added = same_as_python(py, sd)
    assert sd.returncode == 0 and "no shape problem found" in added
