"""``shapedoctor check``: weight-free execution, many files, the same findings as ``run``.

Real Keras in subprocesses, as a user runs it. Kept to a handful of processes: one mixed
repository (corpus cases as .py and as a notebook, valid and broken, a file without Keras,
a file that is not Python) checked once with ``-j 2`` and scored like the corpus.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from corpus_runner import CORPUS, score

ENV = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONWARNINGS="ignore")
# Corpus cases copied into the mixed repository: construction and training errors, silent
# problems and valid scripts (their case.toml says what `run` must find; `check` must agree).
CASES = ["c001_lstm_after_dense", "c020_concat_sequence_with_vector", "t001_int_labels_categorical_crossentropy",
         "t014_tfdata_dataset_not_batched", "t022_mse_column_target_vs_wide_head", "v001_dense1_then_dense64"]


def shapedoctor(*args: str, cwd: Path | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "shapedoctor", *args], cwd=cwd, capture_output=True, text=True,
                          env=ENV, timeout=timeout)


def _notebook(path: Path, cells: list[str]) -> None:
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
    nbformat.write(nb, str(path))


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("repo")
    for name in CASES:
        shutil.copy(CORPUS / name / "script.py", root / f"{name}.py")
    (root / "notebooks").mkdir()
    _notebook(root / "notebooks" / "broken.ipynb", [
        "%matplotlib inline\nimport keras\nfrom keras import layers",
        "model = keras.Sequential([\n    keras.Input((10,)),\n    layers.Dense(1),\n    layers.LSTM(64),\n])",
    ])
    _notebook(root / "notebooks" / "valid.ipynb", [
        "import numpy as np\nimport keras",
        "model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(2)])\n"
        "model.compile(loss='mse')\nmodel.fit(np.zeros((8, 4)), np.zeros((8, 2)), verbose=0)",
    ])
    (root / "util.py").write_text("def helper():\n    return 1\n")  # no Keras: skipped, never run
    (root / "broken_syntax.py").write_text("import keras\nmodel = keras.Sequential([\n")
    (root / ".venv").mkdir()
    (root / ".venv" / "hidden.py").write_text("import keras\nraise SystemExit(3)\n")  # never walked into
    return root


@pytest.fixture(scope="module")
def checked(repo) -> tuple[subprocess.CompletedProcess, dict]:
    proc = shapedoctor("check", "--format", "json", "--strict", "-j", "2", ".", cwd=repo)
    return proc, json.loads(proc.stdout)


def _report(data: dict, name: str) -> dict:
    return next(r for r in data["files"] if r["script"] == name)


def test_check_a_mixed_repository_finds_what_run_finds(checked):
    proc, data = checked
    assert proc.returncode == 1, proc.stderr[-2000:]
    problems = {}
    for name in CASES:
        with open(CORPUS / name / "case.toml", "rb") as fh:
            import tomllib

            case = tomllib.load(fh)
        report = _report(data, f"{name}.py")
        assert report["outcome"] == "checked", report
        exit_code = 0 if report["status"] == "ok" else 1
        problems[name] = score(case, exit_code, report)
    assert problems == {name: [] for name in CASES}


def test_check_reports_notebooks_by_cell_and_skips_what_cannot_build_a_model(checked):
    _, data = checked
    broken = _report(data, os.path.join("notebooks", "broken.ipynb"))
    finding = broken["findings"][0]
    assert (finding["id"], finding["culprit"]["cell"], finding["culprit"]["line"]) == ("SD101", 2, 3)
    assert _report(data, os.path.join("notebooks", "valid.ipynb"))["status"] == "ok"
    assert data["skipped"] == ["util.py"]
    invalid = _report(data, "broken_syntax.py")
    assert invalid["outcome"] == "invalid" and "not valid Python" in invalid["detail"]
    assert not any(".venv" in r["script"] for r in data["files"])


def test_check_text_summary_table(repo):
    proc = shapedoctor("check", "-j", "2", "c001_lstm_after_dense.py", "v001_dense1_then_dense64.py", "util.py",
                       cwd=repo)
    assert proc.returncode == 1
    out = proc.stdout
    assert "error[SD101]" in out
    table = out[out.index("shapedoctor check"):]
    assert "c001_lstm_after_dense.py" in table and "mismatch" in table and "SD101 line 9" in table
    assert "2 files: 1 mismatch, 1 ok; 1 skipped" in out


WEIGHT_FREE = '''\
import numpy as np
import keras
from keras import layers

model = keras.Sequential([keras.Input((20,)), layers.Dense(16, activation="relu"), layers.Dense(3)])
model.compile(optimizer="adam", loss="mse", metrics=["mae"])
x, y = np.random.rand(100, 20).astype("float32"), np.random.rand(100, 3).astype("float32")
history = model.fit(x, y, epochs=50, batch_size=16, verbose=0)
print("history", history.epoch, history.history)
print("evaluate", model.evaluate(x, y, verbose=0))
p = model.predict(x[:7], verbose=0)
print("predict", p.shape, p.dtype, float(abs(p).sum()))
out = model(x[:5])
print("call", tuple(out.shape))
optimizer = keras.optimizers.SGD()
optimizer.apply_gradients(zip([np.ones(v.shape, "float32") for v in model.trainable_variables],
                              model.trainable_variables))
model.save_weights("never_written.weights.h5")
model.predict(np.random.rand(4, 21).astype("float32"), verbose=0)
'''


def test_check_answers_calls_symbolically_and_goes_on_to_the_next_call(tmp_path):
    script = tmp_path / "train.py"
    script.write_text(WEIGHT_FREE)
    proc = shapedoctor("check", "--format", "json", "train.py", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr[-2000:]
    printed = proc.stderr
    assert "history [] {}" in printed
    assert "evaluate [0.0, 0.0]" in printed or "evaluate 0.0" in printed
    assert "predict (7, 3) float32 0.0" in printed
    assert "call (5, 3)" in printed
    report = json.loads(proc.stdout)["files"][0]
    finding = report["findings"][0]
    # The last call, after fit/predict were answered symbolically, is still checked.
    assert (finding["id"], finding["consumer"]["line"]) == ("SD201", 19)
    unchecked = {u["what"]: u["line"] for u in report["unchecked"]}
    assert unchecked == {"optimizer step": 16, "save_weights": 18}
    assert not (tmp_path / "never_written.weights.h5").exists()


BIG = '''\
import numpy as np
import keras
from keras import layers

# 8.5 B parameters (34 GB of float32 weights): far more than this machine has.
model = keras.Sequential([keras.Input((46000,))] + [layers.Dense(46000) for _ in range(4)]
                         + [layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
print("parameters", model.count_params())
x = np.zeros((64, 46000), "float32")
y = np.zeros((64,), "int64")
model.fit(x, y, epochs=3, batch_size=16)
print("predict", model.predict(x[:5]).shape)
'''


def test_check_an_8_billion_parameter_script_without_allocating_it(tmp_path):
    (tmp_path / "big.py").write_text(BIG)
    (tmp_path / "big_broken.py").write_text(BIG.replace("layers.Dense(10, activation", "layers.LSTM(10, activation"))
    # Measure the peak memory of the check process alone, from a wrapper that has no other child.
    wrapper = ("import resource, subprocess, sys\n"
               "p = subprocess.run([sys.executable, '-m', 'shapedoctor', 'check', '--format', 'json', sys.argv[1]],"
               " capture_output=True, text=True)\n"
               "print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)\n"
               "print(p.stdout)\nprint(p.stderr, file=sys.stderr)\n")
    results = {}
    for name in ("big.py", "big_broken.py"):
        proc = subprocess.run([sys.executable, "-c", wrapper, name], cwd=tmp_path, capture_output=True, text=True,
                              env=ENV, timeout=600)
        head, _, body = proc.stdout.partition("\n")
        code, peak_mb = map(int, head.split())
        results[name] = (code, peak_mb, json.loads(body)["files"][0], proc.stderr)
    code, peak_mb, report, printed = results["big.py"]
    assert "parameters 8464644010" in printed and "predict (5, 10)" in printed
    assert (code, report["status"], report["outcome"]) == (0, "ok", "checked")
    assert peak_mb < 1500, f"peak {peak_mb} MB"
    code, peak_mb, report, _ = results["big_broken.py"]
    finding = report["findings"][0]
    assert (code, finding["id"], finding["consumer"]["line"]) == (1, "SD101", 7)
    assert finding["fixes"] and finding["fixes"][0]["verified"]
    assert peak_mb < 1500, f"peak {peak_mb} MB"


def test_check_diff_proves_the_fix_by_checking_the_patched_script(tmp_path):
    shutil.copy(CORPUS / "c001_lstm_after_dense" / "script.py", tmp_path / "model.py")
    before = (tmp_path / "model.py").read_bytes()
    proc = shapedoctor("check", "--diff", "model.py", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "— proven (passed" in proc.stdout and "+model.add(layers.RepeatVector(32))" in proc.stdout
    assert "checking the patched script" in proc.stderr
    assert (tmp_path / "model.py").read_bytes() == before


def test_check_usage_errors(tmp_path):
    proc = shapedoctor("check", "missing_dir")
    assert proc.returncode == 2 and "no such file or directory: missing_dir" in proc.stderr
    (tmp_path / "a.py").write_text("import keras\n")
    (tmp_path / "b.py").write_text("import keras\n")
    proc = shapedoctor("check", "--write", "a.py", "b.py", cwd=tmp_path)
    assert proc.returncode == 2 and "--diff/--write take exactly one file" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_check_one_file_without_keras_is_skipped_quickly(tmp_path):
    (tmp_path / "plain.py").write_text("raise SystemExit('must not run')\n")
    proc = shapedoctor("check", "plain.py", cwd=tmp_path)
    assert proc.returncode == 0
    assert "skipped" in proc.stdout and "must not run" not in proc.stderr


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_pre_commit_runs_the_hook_offline(tmp_path):
    """`pre-commit` itself runs the hook of .pre-commit-hooks.yaml (as a local hook: no network)."""
    import yaml

    hooks = yaml.safe_load((Path(__file__).parent.parent / ".pre-commit-hooks.yaml").read_text())
    hook = dict(next(h for h in hooks if h["id"] == "shapedoctor-check"))
    hook["language"] = "system"  # `python` would pip-install shapedoctor and Keras from the network
    hook.pop("additional_dependencies", None)
    config = {"repos": [{"repo": "local", "hooks": [hook]}]}
    (tmp_path / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config))
    broken = (CORPUS / "c001_lstm_after_dense" / "script.py").read_text()
    (tmp_path / "model.py").write_text(broken)
    (tmp_path / "notes.txt").write_text("not python\n")
    env = dict(ENV, PRE_COMMIT_HOME=str(tmp_path / ".cache"), PATH=os.path.dirname(sys.executable) + os.pathsep
               + ENV.get("PATH", ""), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@t")
    git = ["git", "-c", "init.defaultBranch=main"]
    subprocess.run([*git, "init", "-q"], cwd=tmp_path, check=True, env=env)
    subprocess.run(["git", "add", "."], cwd=tmp_path, check=True, env=env)
    pre_commit = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"]
    failing = subprocess.run(pre_commit, cwd=tmp_path, capture_output=True, text=True, env=env, timeout=600)
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "shapedoctor check (Keras shapes)" in failing.stdout and "Failed" in failing.stdout
    assert "error[SD101]" in failing.stdout
    (tmp_path / "model.py").write_text(broken.replace("model.add(layers.LSTM(32))", "model.add(layers.Dense(32))"))
    subprocess.run(["git", "add", "."], cwd=tmp_path, check=True, env=env)
    passing = subprocess.run(pre_commit, cwd=tmp_path, capture_output=True, text=True, env=env, timeout=600)
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Passed" in passing.stdout


@pytest.mark.serial  # timing-sensitive: runs after the parallel part (see the Makefile)
def test_check_workers_die_with_check_and_time_out(tmp_path):
    import signal
    import time

    import psutil

    for name in ("slow_a.py", "slow_b.py"):
        (tmp_path / name).write_text("import time\nimport keras\ntime.sleep(600)\n")
    proc = shapedoctor("check", "--format", "json", "--timeout", "1", "-j", "2", ".", cwd=tmp_path)
    reports = json.loads(proc.stdout)["files"]
    assert proc.returncode == 1 and [r["outcome"] for r in reports] == ["timeout", "timeout"]
    parent = subprocess.Popen([sys.executable, "-m", "shapedoctor", "check", "-j", "2", "."], cwd=tmp_path, env=ENV,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    workers = []
    while len(workers) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
        workers = [p for p in psutil.Process(parent.pid).children() if "--worker" in " ".join(p.cmdline())]
    assert len(workers) == 2
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    gone, alive = psutil.wait_procs(workers, timeout=30)
    assert alive == []


@pytest.mark.skipif(os.environ.get("SHAPEDOCTOR_LONG") != "1", reason="long mode: SHAPEDOCTOR_LONG=1")
def test_check_agrees_with_run_on_the_whole_corpus():
    from corpus_runner import load_cases

    cases = load_cases()
    files = [str(folder / "script.py") for _, folder, _ in cases]
    proc = shapedoctor("check", "--format", "json", "--strict", "--timeout", "900", *files, timeout=7200)
    reports = {r["script"]: r for r in json.loads(proc.stdout)["files"]}
    problems = {}
    for (name, folder, case), file in zip(cases, files):
        report = reports[os.path.normpath(file)]
        found = score(case, 0 if report["status"] == "ok" else 1, report)
        if found or report["outcome"] != "checked":
            problems[name] = found or [report["outcome"]]
    assert problems == {}
