"""`run` proves its fixes in processes forked from a copy of itself made before the script ran (real Keras).

``proof_client.prefork`` forks the proof server from the ``shapedoctor run`` process once Keras is
imported, so a proof skips the Keras import a fresh ``python -m shapedoctor.patch.trial`` pays. What the
user sees must not change: the same report, byte for byte, and exit status as with every proof in a
fresh process (``SHAPEDOCTOR_PROOF_FORK=0``); a script that changes the environment gets its proof in a
fresh process (the copy was made for the old one); and the copy never outlives shapedoctor (normal
exit, SIGKILL or SIGTERM while the script runs), nor is left as a zombie.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import ROOT, run_cli
from processes import alive

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the forked proof server is Linux-only")

# Each process that runs the script (the recorded run, then the proof of the fix) appends a line:
# its pid, its parent, its grandparent and its command line.
WHO = textwrap.dedent("""\
    import os
    def _parent(pid):
        with open(f"/proc/{pid}/stat") as fh:
            return int(fh.read().rsplit(")", 1)[1].split()[1])
    with open("ran.txt", "a") as fh, open("/proc/self/cmdline", "rb") as cmd:
        fh.write(f"{os.getpid()} {os.getppid()} {_parent(os.getppid())} {cmd.read().replace(bytes(1), b' ').decode()}\\n")
""")

# The Keras guide's ticket model; new tickets are made with the wrong size (a data fix that only a
# run of the patched script can prove).
SCRIPT = WHO + textwrap.dedent("""\
    import numpy as np
    import keras
    from keras import layers

    num_words, num_tags, num_classes = 50, 9, 3
    rng = np.random.default_rng(0)
    words_in = keras.Input(shape=(6,), name="words")
    tags_in = keras.Input(shape=(num_tags,), name="tags")
    w = layers.GlobalAveragePooling1D()(layers.Embedding(num_words, 8)(words_in))
    out = layers.Dense(num_classes, activation="softmax")(layers.concatenate([w, tags_in]))
    model = keras.Model([words_in, tags_in], out)
    model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
    words = rng.integers(num_words, size=(64, 6))
    tags = rng.integers(2, size=(64, num_tags)).astype("float32")
    model.fit({"words": words, "tags": tags}, rng.integers(num_classes, size=64), epochs=1, verbose=0)
    new_words = rng.integers(num_words, size=(4, 6))
    new_tags = rng.integers(2, size=(4, num_classes)).astype("float32")
    print(model.predict({"words": new_words, "tags": new_tags}, verbose=0).shape)
""")


def _runs(folder: Path) -> list[tuple[int, int, int, str]]:
    rows = []
    for line in (folder / "ran.txt").read_text().splitlines():
        pid, parent, grandparent, command = line.split(" ", 3)
        rows.append((int(pid), int(parent), int(grandparent), command))
    return rows


def _run(folder: Path, source: str, monkeypatch, switch: str | None) -> tuple[subprocess.CompletedProcess, list]:
    (folder / "script.py").write_text(source)
    (folder / "ran.txt").unlink(missing_ok=True)
    if switch is None:
        monkeypatch.delenv("SHAPEDOCTOR_PROOF_FORK", raising=False)
    else:
        monkeypatch.setenv("SHAPEDOCTOR_PROOF_FORK", switch)
    proc = run_cli("run", "--json", "script.py", cwd=folder)
    return proc, _runs(folder)


@pytest.mark.parametrize("changes_env", [False, True], ids=["same environment", "script changes the environment"])
def test_the_forked_proof_gives_the_fresh_proofs_report(tmp_path, monkeypatch, changes_env):
    source = ('import os\nos.environ["SHAPEDOCTOR_SEEN"] = "1"\n' if changes_env else "") + SCRIPT
    forked, forked_runs = _run(tmp_path, source, monkeypatch, None)
    fresh, fresh_runs = _run(tmp_path, source, monkeypatch, "0")
    assert (forked.returncode, forked.stdout) == (fresh.returncode, fresh.stdout)
    assert forked.returncode == 1, forked.stderr
    fix = json.loads(forked.stdout)["findings"][0]["fixes"][0]
    assert fix["verified"] and fix["proof"] == "passed" and "size=(4, num_tags)" in fix["code"]
    # with SHAPEDOCTOR_PROOF_FORK=0, the proof is a fresh trial process started by the run
    (run_pid, _, _, _), (_, parent, _, command) = fresh_runs
    assert parent == run_pid and "shapedoctor.patch.trial" in command
    (run_pid, _, _, _), (_, parent, grandparent, command) = forked_runs
    if changes_env:  # the copy was made for the environment before the script changed it
        assert parent == run_pid and "shapedoctor.patch.trial" in command
    else:  # forked by the copy of the run, itself forked by the run
        assert grandparent == run_pid and parent != run_pid and "shapedoctor.patch.trial" not in command


LIVES = textwrap.dedent("""\
    import os, sys, time
    with open(f"/proc/self/task/{os.getpid()}/children") as fh:
        kids = fh.read().split()
    with open("kids.txt", "w") as fh:
        fh.write(" ".join(kids))
    if sys.argv[1:] == ["wait"]:
        time.sleep(600)
    print("done")
""")


@pytest.mark.parametrize("end", ["exit", signal.SIGKILL, signal.SIGTERM], ids=["exit", "SIGKILL", "SIGTERM"])
def test_the_copy_never_outlives_shapedoctor(tmp_path, end):
    (tmp_path / "script.py").write_text(LIVES)
    env = dict(os.environ, PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="3", PYTHONWARNINGS="ignore")
    env.pop("SHAPEDOCTOR_PROOF_FORK", None)
    args = [sys.executable, "-m", "shapedoctor", "run", "script.py", *([] if end == "exit" else ["wait"])]
    run = subprocess.Popen(args, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        if end == "exit":
            out, err = run.communicate(timeout=600)
            assert run.returncode == 0 and out.startswith("done"), err
        else:
            deadline = time.monotonic() + 600
            while not (tmp_path / "kids.txt").exists() and time.monotonic() < deadline and run.poll() is None:
                time.sleep(0.2)
            run.send_signal(end)
            run.communicate(timeout=60)
        kids = [int(k) for k in (tmp_path / "kids.txt").read_text().split()]
        assert len(kids) == 1, f"the script saw {kids} as its process's children, not only the proof server's copy"
        deadline = time.monotonic() + 30
        while alive(kids[0]) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not alive(kids[0]), "the copy outlived shapedoctor"
        if end == "exit":  # reaped by shapedoctor itself, not left as a zombie
            assert not Path(f"/proc/{kids[0]}").exists()
    finally:
        if run.poll() is None:
            run.kill()
            run.communicate()
