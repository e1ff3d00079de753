"""Reliability of ``--write`` and of the proof under ``kill -9`` and signals (issue 10, items 1 and 3).

The write function runs in a child process that is killed with SIGKILL at a random moment
(100 tries here, 1,000 with ``SHAPEDOCTOR_LONG=1``): the file must be the original or the
complete patch, never partial; a backup, when there is one, is the original byte for byte.
Then three real ``shapedoctor run --write`` runs are stopped (SIGKILL, SIGTERM, SIGINT) during the proof:
the proof process dies with them and nothing is left beside the user's file. Last, ``--diff``
with a user's file and a symlink at the old scratch name of the proof: neither is touched.
"""

from __future__ import annotations

import collections
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from processes import alive, children

pytestmark = pytest.mark.serial  # timing-sensitive (kills at chosen moments): runs after the parallel part

LONG = os.environ.get("SHAPEDOCTOR_LONG") == "1"
ROOT = Path(__file__).resolve().parent.parent

WRITER = textwrap.dedent("""\
    import sys
    from types import SimpleNamespace
    from shapedoctor.patch.write import digest, write_patch
    path, before, after = sys.argv[1], open(sys.argv[2]).read(), open(sys.argv[3]).read()
    print("ready", flush=True)
    sys.stdin.readline()
    write_patch(SimpleNamespace(file=path, after=after), digest(before), project_dir=sys.argv[4])
    print("done", flush=True)
""")


def _env() -> dict:
    return dict(os.environ, PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="3", PYTHONWARNINGS="ignore")


def test_kill_9_at_random_points_of_the_write_leaves_original_or_complete(tmp_path):
    tries = 1_000 if LONG else 100
    before = "x = 1\n" + "# a long file\n" * 20_000  # ~300 KB: the write takes a few milliseconds
    after = before.replace("x = 1", "x = 2")
    (tmp_path / "before.txt").write_text(before)
    (tmp_path / "after.txt").write_text(after)
    rng = random.Random(3)
    outcomes = {"original": 0, "patched": 0}
    leftovers = 0
    kinds = collections.Counter()
    span = 0.02
    for i in range(tries):
        folder = tmp_path / f"t{i}"
        folder.mkdir()
        path = folder / "m.py"
        path.write_text(before)
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(tmp_path / "before.txt"),
                                  str(tmp_path / "after.txt"), str(folder)],
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=_env())
        assert child.stdout.readline() == "ready\n"
        started = time.perf_counter()
        child.stdin.write("go\n")
        child.stdin.flush()
        time.sleep(rng.random() * span)
        child.kill()
        child.wait()
        elapsed = time.perf_counter() - started
        if child.stdout.read() == "done\n":
            span = max(0.001, min(span, elapsed * 1.5))  # aim the kills inside the write
        text = path.read_text()
        assert text in (before, after), f"try {i}: a partial file"
        outcomes["original" if text == before else "patched"] += 1
        backups = [p for p in folder.iterdir() if p.name == "m.py.orig"]
        for backup in backups:
            assert backup.read_text() == before, f"try {i}: the backup is not the original"
        others = [p for p in folder.iterdir() if p.name not in ("m.py", "m.py.orig")]
        for other in others:  # only possible in the two system calls that name and swap the staged file
            assert other.read_text() in (before, after), f"try {i}: a partial temporary file {other.name}"
        leftovers += bool(others)
        kinds.update("original" if o.read_text() == before else "patched" for o in others)
    print(f"\nkill -9 during the write: {tries} tries, {outcomes['original']} original, "
          f"{outcomes['patched']} patched, 0 partial, {leftovers} with a complete temporary file left {dict(kinds)}")
    assert outcomes["original"] and outcomes["patched"]  # the kills did land on both sides of the swap


SLOW_FIX = textwrap.dedent("""\
    import time
    import keras
    from keras import layers
    model = keras.Sequential([keras.Input(shape=(10,)), layers.Dense(1), layers.LSTM(4)])
    time.sleep(600)  # reached only by the patched script: the proof is still running when we kill
""")


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find the proof process")
def _proof_of(run: int, forked: bool) -> int | None:
    """The running proof: forked by the run's copy (a grandchild), or a fresh trial process (a child)."""
    if forked:
        return next((p for c in children(run) for p in children(c)), None)
    return next((p for p in children(run) if b"shapedoctor.patch.trial" in _cmdline(p)), None)


@pytest.mark.parametrize("forked", [True, False], ids=["forked proof", "fresh proof"])
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT], ids=["SIGKILL", "SIGTERM", "SIGINT"])
def test_a_killed_run_takes_its_proof_with_it_and_leaves_nothing(tmp_path, sig, forked):
    script = tmp_path / "slow.py"
    script.write_text(SLOW_FIX)
    env = _env()
    env.pop("SHAPEDOCTOR_PROOF_FORK", None)  # the default: the proof is forked by the run's copy
    if not forked:
        env["SHAPEDOCTOR_PROOF_FORK"] = "0"
    run = subprocess.Popen([sys.executable, "-m", "shapedoctor", "run", "--no-traceback", "--write", script.name],
                           cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    proof = None
    deadline = time.monotonic() + 600
    while proof is None and time.monotonic() < deadline and run.poll() is None:
        proof = _proof_of(run.pid, forked)
        time.sleep(0.2)
    assert proof is not None, run.communicate()
    time.sleep(1.0)  # let the proof get going
    run.send_signal(sig)
    _, err = run.communicate(timeout=60)
    code = run.returncode
    deadline = time.monotonic() + 30
    while alive(proof) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not alive(proof), "the proof outlived shapedoctor"
    assert code == {signal.SIGKILL: -signal.SIGKILL, signal.SIGTERM: 143, signal.SIGINT: 130}[sig]
    assert "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["slow.py"]
    assert script.read_text() == SLOW_FIX


def test_the_proof_creates_nothing_beside_the_script_and_follows_no_link(tmp_path):
    """The old scratch name beside the script is a user's file here, and a symlink to a file
    outside the project: --diff (which proves by running the patched text) touches neither."""
    project = tmp_path / "project"
    project.mkdir()
    script = project / "ex3.py"
    script.write_text((ROOT / "examples" / "seed_example3_lstm.py").read_text())
    victim = tmp_path / "victim.txt"
    victim.write_text("outside the project\n")
    (project / ".ex3.py.shapedoctor-proof.py").symlink_to(victim)
    (project / "helper.py").write_text("users own file\n")
    listing = sorted(p.name for p in project.iterdir())
    proc = subprocess.run([sys.executable, "-m", "shapedoctor", "run", "--no-traceback", "--diff", script.name],
                          cwd=project, capture_output=True, text=True, env=_env(), timeout=600)
    assert proc.returncode == 0 and "proven (passed" in proc.stdout, proc.stderr[-2000:]
    assert victim.read_text() == "outside the project\n"
    assert sorted(p.name for p in project.iterdir()) == listing
    assert (project / ".ex3.py.shapedoctor-proof.py").is_symlink()
