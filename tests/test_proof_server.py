"""The warm proof server (``shapedoctor/patch/proof_server.py``) proves exactly what a fresh process proves.

Real Keras, real processes: the same Proof, report, output and exit status through the server and
through a fresh ``python -m shapedoctor.patch.trial`` (the default, or ``SHAPEDOCTOR_PROOF_FORK=0``), for a fixed
script, an unfixed one and one that sets ``KERAS_BACKEND`` and configures TensorFlow's runtime
before it imports Keras (which fails if the server had started that runtime); the backend named by
the environment is the one the served proof runs; a timeout kills the forked proof's whole group
and leaves the server serving (with no more threads than after its imports); a server that dies
during a proof is replaced by a fresh process; no process outlives shapedoctor (normal exit,
SIGKILL, SIGTERM).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from processes import alive, children

LONG = os.environ.get("SHAPEDOCTOR_LONG") == "1"
# The server is opt-in (SHAPEDOCTOR_PROOF_FORK=1): CI checks the default path and that nothing outlives
# shapedoctor and one served proof against a fresh one; the backend, timeout and server-death checks
# (about 100 s) run under LONG.
opt_in_only = pytest.mark.skipif(not LONG, reason="opt-in proof server: run with SHAPEDOCTOR_LONG=1")

from shapedoctor.patch import proof_client  # noqa: E402 - after the importorskip above
from shapedoctor.patch.apply import Patch  # noqa: E402
from shapedoctor.patch.prove import prove, run_fresh  # noqa: E402

pytestmark = [pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the proof server is Linux-only"),
              pytest.mark.serial]  # timing-sensitive (a server dying mid-proof): runs after the parallel part

ROOT = Path(__file__).resolve().parent.parent

BROKEN = textwrap.dedent("""\
    import numpy as np
    import keras
    from keras import layers
    x = np.linspace(0, 1, 320, dtype="float32").reshape(32, 10)
    y = np.linspace(0, 1, 32, dtype="float32").reshape(32, 1)
    model = keras.Sequential([keras.Input(shape=(10,)), layers.Dense(8), layers.LSTM(4), layers.Dense(1)])
    model.compile("adam", "mse")
    model.fit(x, y, epochs=1, batch_size=8, verbose=0)
    print("trained", model.output_shape)
""")
FIXED = BROKEN.replace("layers.LSTM(4), ", "")
UNFIXED = BROKEN.replace("layers.Dense(8)", "layers.Dense(16)")
CONFIGURED_FIRST = textwrap.dedent("""\
    import os
    os.environ["KERAS_BACKEND"] = "jax"  # too late under shapedoctor, which imported Keras first
    import tensorflow as tf
    tf.config.threading.set_intra_op_parallelism_threads(1)  # RuntimeError once TensorFlow's runtime started
    tf.config.set_visible_devices([], "GPU")
    import sys
    import keras
    print("backend", keras.backend.backend(), "intra", tf.config.threading.get_intra_op_parallelism_threads())
    sys.stderr.write("to stderr\\n")
""") + FIXED + "raise SystemExit(3)\n"


@pytest.fixture(autouse=True)
def no_server(monkeypatch):
    """Each test starts from no server and leaves none."""
    monkeypatch.setenv(proof_client.SWITCH, "1")  # the server is off by default
    monkeypatch.setenv("TF_CPP_MIN_LOG_LEVEL", "3")
    monkeypatch.setattr(proof_client, "_failures", 0)
    proof_client.stop()
    yield
    proof_client.stop()


def _patch(tmp_path: Path, after: str) -> Patch:
    script = tmp_path / "train.py"
    script.write_text(BROKEN)
    return Patch(str(script), BROKEN, after)


def _env() -> dict[str, str]:
    return dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", TF_ENABLE_ONEDNN_OPTS="0",  # no timestamped oneDNN log lines (TF 2.21)
                PYTHONWARNINGS="ignore", SHAPEDOCTOR_PROVING="1")


def _fields(proof) -> tuple:
    return proof.proven, proof.reason, proof.shape_problem, proof.breaks_patch


def _wait_gone(pids: list[int], seconds: float = 30.0) -> list[int]:
    deadline = time.monotonic() + seconds
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return [p for p in pids if alive(p)]


def test_a_served_proof_is_the_fresh_proof(tmp_path, monkeypatch):
    """Fixed, unfixed and configured-first scripts: same Proof, and byte for byte the same report,
    output and exit status, through the server and through a fresh process."""
    served, fresh = {}, {}
    for name, after in (("fixed", FIXED), ("unfixed", UNFIXED), ("configured first", CONFIGURED_FIRST)):
        patch = _patch(tmp_path, after)
        monkeypatch.setenv(proof_client.SWITCH, "1")
        served[name] = prove(patch, [], 300)
        assert proof_client.server_pid() is not None and proof_client._failures == 0, "not served"
        monkeypatch.setenv(proof_client.SWITCH, "0")
        fresh[name] = prove(patch, [], 300)
    assert {n: _fields(p) for n, p in served.items()} == {n: _fields(p) for n, p in fresh.items()}
    assert served["fixed"].proven and served["fixed"].reason == "passed"
    assert not served["unfixed"].proven and served["unfixed"].shape_problem and "LSTM" in served["unfixed"].reason
    assert served["configured first"].reason.startswith("the patched script exited with status 3")

    monkeypatch.setenv(proof_client.SWITCH, "1")
    args, data = [str(tmp_path / "train.py")], CONFIGURED_FIRST.encode()
    through_server = proof_client.run_trial(args, data, _env(), 300, time.monotonic())
    in_fresh_process = run_fresh(args, data, _env(), 300)
    assert through_server is not None, "the server did not serve the proof"
    assert (through_server.returncode, through_server.stdout, through_server.stderr) == (
        in_fresh_process.returncode, in_fresh_process.stdout, in_fresh_process.stderr)
    assert through_server.returncode == 3
    assert b"backend tensorflow intra 1" in through_server.stderr and b"to stderr" in through_server.stderr
    assert b'"status": "ok"' in through_server.stdout


@opt_in_only
def test_the_backend_of_the_environment_is_the_backend_of_the_served_proof(tmp_path, monkeypatch):
    pytest.importorskip("jax")
    monkeypatch.setenv("KERAS_BACKEND", "jax")
    after = FIXED.replace('print("trained"', 'print("backend", keras.backend.backend(), "trained"')
    args, data = [str(tmp_path / "train.py")], after.encode()
    (tmp_path / "train.py").write_text(BROKEN)
    through_server = proof_client.run_trial(args, data, _env(), 300, time.monotonic())
    in_fresh_process = run_fresh(args, data, _env(), 300)
    assert through_server is not None, "the server did not serve the proof"
    assert through_server.returncode == in_fresh_process.returncode == 0
    assert through_server.stdout == in_fresh_process.stdout
    assert b"backend jax trained" in through_server.stderr and b"backend jax trained" in in_fresh_process.stderr


@opt_in_only
def test_a_timeout_kills_the_forked_group_and_the_server_serves_on(tmp_path):
    pids = tmp_path / "pids.txt"
    slow = textwrap.dedent(f"""\
        import os, subprocess, sys, time
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
        with open({str(pids)!r}, "w") as fh:
            fh.write(f"{{os.getpid()}} {{child.pid}}")
        time.sleep(600)
    """)
    assert prove(_patch(tmp_path, FIXED), [], 300).proven  # the server is warm now
    server, threads = proof_client.server_pid(), proof_client.server_threads()
    assert server is not None and threads is not None
    proof = prove(_patch(tmp_path, slow), [], 40)
    assert proof.reason == "the patched script did not finish within 40 s (--timeout to change)"
    assert pids.exists(), "the slow script never started"
    left = _wait_gone([int(p) for p in pids.read_text().split()])
    assert not left, f"the proof's group outlived its timeout: {left}"
    assert children(server) == [], "the server kept a proof (or a zombie)"
    # The server still serves, and it never started a backend runtime: no thread beyond its imports'.
    again = prove(_patch(tmp_path, FIXED), [], 300)
    assert again.proven and proof_client.server_pid() == server
    assert os.listdir(f"/proc/{server}/task") and len(os.listdir(f"/proc/{server}/task")) <= threads


@opt_in_only
def test_a_server_that_dies_during_a_proof_is_replaced_by_a_fresh_process(tmp_path):
    killer = textwrap.dedent("""\
        import os, signal
        with open(f"/proc/{os.getppid()}/cmdline", "rb") as fh:
            served = b"shapedoctor.patch.proof_server" in fh.read()
        if served:  # kill the server from inside its proof; the fresh retry goes on
            os.kill(os.getppid(), signal.SIGKILL)
            import time
            time.sleep(60)
    """) + FIXED
    proof = prove(_patch(tmp_path, killer), [], 300)
    assert (proof.proven, proof.reason) == (True, "passed")
    assert proof_client._failures == 1 and proof_client.server_pid() is None


def test_switched_off_proofs_run_in_a_fresh_process(tmp_path, monkeypatch):
    seen = tmp_path / "cmdline.txt"
    after = textwrap.dedent(f"""\
        import os
        with open("/proc/self/cmdline", "rb") as fh, open({str(seen)!r}, "wb") as out:
            out.write(fh.read())
    """) + FIXED
    for off in ("0", None):  # switched off, and the default
        if off is None:
            monkeypatch.delenv(proof_client.SWITCH)
        else:
            monkeypatch.setenv(proof_client.SWITCH, off)
        seen.unlink(missing_ok=True)
        assert prove(_patch(tmp_path, after), [], 300).proven
        assert b"shapedoctor.patch.trial" in seen.read_bytes() and proof_client.server_pid() is None
    monkeypatch.setenv(proof_client.SWITCH, "1")
    assert prove(_patch(tmp_path, after), [], 300).proven
    assert b"shapedoctor.patch.proof_server" in seen.read_bytes() and proof_client.server_pid() is not None


DRIVER = textwrap.dedent("""\
    import sys
    from shapedoctor.patch import proof_client
    from shapedoctor.patch.apply import Patch
    from shapedoctor.patch.prove import prove
    path, after = sys.argv[1], open(sys.argv[2]).read()
    proof = prove(Patch(path, open(path).read(), after), [], 600)
    print(proof.proven, proof_client.server_pid(), flush=True)
""")


@pytest.mark.parametrize("end", ["exit", signal.SIGKILL, signal.SIGTERM], ids=["exit", "SIGKILL", "SIGTERM"])
def test_nothing_outlives_shapedoctor(tmp_path, end):
    pids = tmp_path / "pids.txt"
    script = tmp_path / "train.py"
    script.write_text(BROKEN)
    after = tmp_path / "after.txt"
    after.write_text(FIXED if end == "exit" else textwrap.dedent(f"""\
        import os, subprocess, sys, time
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
        with open({str(pids)!r}, "w") as fh:
            fh.write(f"{{os.getpid()}} {{os.getppid()}} {{child.pid}}")
        time.sleep(600)
    """))
    env = dict(os.environ, PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="3", PYTHONWARNINGS="ignore")
    env[proof_client.SWITCH] = "1"
    driver = subprocess.Popen([sys.executable, "-c", DRIVER, str(script), str(after)], cwd=tmp_path,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        if end == "exit":
            out, err = driver.communicate(timeout=600)
            proven, server = out.split()
            assert driver.returncode == 0 and proven == "True", err
            assert not _wait_gone([int(server)], 10), "the server outlived shapedoctor"
            return
        deadline = time.monotonic() + 600
        while not pids.exists() and time.monotonic() < deadline and driver.poll() is None:
            time.sleep(0.2)
        time.sleep(0.5)
        proof, server, child = (int(p) for p in pids.read_text().split())
        assert b"shapedoctor.patch.proof_server" in Path(f"/proc/{server}/cmdline").read_bytes()
        driver.send_signal(end)
        _, err = driver.communicate(timeout=60)
        assert driver.returncode == (-signal.SIGKILL if end == signal.SIGKILL else 143), err
        assert "Traceback" not in err
        assert not _wait_gone([proof, server]), "a proof process outlived shapedoctor"
        if end == signal.SIGTERM:  # shapedoctor had time to kill the proof's whole group
            assert not _wait_gone([child]), "the script's own process outlived shapedoctor"
    finally:
        if driver.poll() is None:
            driver.kill()
            driver.communicate()
        if pids.exists():  # after SIGKILL the script's own process is left, as with a fresh process
            child = int(pids.read_text().split()[-1])
            if alive(child) and b"time.sleep(600)" in Path(f"/proc/{child}/cmdline").read_bytes():
                os.kill(child, signal.SIGKILL)
