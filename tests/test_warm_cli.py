"""The tests' warm command line (``warm_cli.py``) must give what a fresh ``python -m shapedoctor`` gives:
the same exit status, stdout and stderr byte for byte, the same backend, and a timeout that kills the
run's whole session. Each comparison runs both ways on real Keras."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import textwrap
from pathlib import Path

import pytest
from warm_cli import run_python, run_shapedoctor

ENV = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", TF_ENABLE_ONEDNN_OPTS="0", PYTHONWARNINGS="ignore", COLUMNS="120")

VALID = """\
import sys
import keras
print("sum", float(keras.ops.sum(keras.ops.ones((2, 3)))))
print("to stderr", file=sys.stderr)
sys.exit(3)
"""

BUG = """\
import numpy as np
import keras
from keras import layers

model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(16), layers.LSTM(4), layers.Dense(1)])
model.compile(loss="mse")
model.fit(np.zeros((4, 8)), np.zeros((4, 1)), epochs=1, verbose=0)
"""


def _fresh(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "shapedoctor", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600)


@pytest.mark.parametrize("args", [["--help"], ["run", "valid.py"], ["run", "--json", "bug.py"]],
                         ids=["help", "valid-program", "bug-json"])
def test_a_warm_run_gives_what_a_fresh_process_gives(tmp_path, args):
    (tmp_path / "valid.py").write_text(VALID)
    (tmp_path / "bug.py").write_text(BUG)
    warm = run_shapedoctor(args, tmp_path, ENV, 600)
    fresh = _fresh(args, tmp_path, ENV)
    assert (warm.returncode, warm.stdout, warm.stderr) == (fresh.returncode, fresh.stdout, fresh.stderr)
    if args[0] == "run" and args[-1] == "valid.py":
        assert warm.returncode == 3 and warm.stdout.startswith("sum 6.0\n") and warm.stderr == "to stderr\n"
    if args[-1] == "bug.py":  # a real diagnosis with a proven fix, not an early exit
        assert '"proven": true' in warm.stdout


PLAIN = """\
import os
import sys
import keras
print("argv", sys.argv, "path0", os.path.basename(sys.path[0]), "main", __name__)
print("sum", float(keras.ops.sum(keras.ops.ones((2, 3)))))
if sys.argv[1:] == ["fail"]:
    keras.ops.reshape(keras.ops.ones((2, 3)), (4,))
"""


@pytest.mark.parametrize("args", [["sub/plain.py", "x"], ["sub/plain.py", "fail"]], ids=["runs", "fails"])
def test_a_warm_plain_python_run_gives_what_python_gives(tmp_path, args):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "plain.py").write_text(PLAIN)
    warm = run_python(args, tmp_path, ENV, 600)
    fresh = subprocess.run([sys.executable, *args], cwd=tmp_path, env=ENV, capture_output=True, text=True, timeout=600)
    assert (warm.returncode, warm.stdout, warm.stderr) == (fresh.returncode, fresh.stdout, fresh.stderr)
    assert warm.stdout.startswith(f"argv {args!r} path0 sub main __main__\nsum 6.0\n")
    if args[-1] == "fail":  # Python's own traceback and exit status
        assert warm.returncode == 1 and "Traceback (most recent call last)" in warm.stderr
        assert f'File "{tmp_path / "sub" / "plain.py"}", line 7' in warm.stderr  # absolute, as Python names it


def test_a_run_with_another_backend_is_not_served_by_a_tensorflow_process(tmp_path):
    (tmp_path / "which.py").write_text("import keras\nprint(keras.backend.backend())\n")
    tf = run_shapedoctor(["run", "which.py"], tmp_path, dict(ENV, KERAS_BACKEND="tensorflow"), 600)
    jax = run_shapedoctor(["run", "which.py"], tmp_path, dict(ENV, KERAS_BACKEND="jax"), 600)
    assert (tf.returncode, tf.stdout.splitlines()[0]) == (0, "tensorflow")
    assert (jax.returncode, jax.stdout.splitlines()[0]) == (0, "jax")


@pytest.mark.parametrize("fresh", [False, True], ids=["warm", "fresh-fallback"])
def test_a_timeout_kills_the_run_and_its_children_and_the_next_run_is_served(tmp_path, monkeypatch, fresh):
    env = ENV
    if fresh:  # a pool made now is fresh (its own key): the fallback must kill the whole session too
        monkeypatch.setenv("SHAPEDOCTOR_TEST_FRESH", "1")
        env = dict(ENV, PYTHONHASHSEED="37")
    (tmp_path / "slow.py").write_text(textwrap.dedent("""\
        import os, subprocess, sys, time
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
        open("pids", "w").write(f"{os.getpid()} {child.pid}")
        time.sleep(600)
        """))
    with pytest.raises(subprocess.TimeoutExpired):
        run_shapedoctor(["run", "slow.py"], tmp_path, env, 30)
    if (tmp_path / "pids").exists():  # the script had started: nothing of it may be left
        deadline = time.monotonic() + 30
        pids = [int(p) for p in (tmp_path / "pids").read_text().split()]
        while any(_alive(p) for p in pids) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_alive(p) for p in pids)
    (tmp_path / "valid.py").write_text(VALID)
    again = run_shapedoctor(["run", "valid.py"], tmp_path, env, 600)
    assert (again.returncode, again.stdout.splitlines()[0]) == (3, "sum 6.0")


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ", 1)[1][0] != "Z"
    except (FileNotFoundError, IndexError):
        return False
