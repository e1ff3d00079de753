"""Prove a patch: run the patched script under shapedoctor (``--quick``) in a child process.

The patched text never touches the disk: it goes to the child (:mod:`shapedoctor.patch.trial`)
through a pipe, and the child runs it as the user's own file (same ``__file__``, directory,
imports and working directory). Under ``shapedoctor run`` it is forked by a copy of the run made
before the script started (:mod:`shapedoctor.patch.proof_client`: no Keras import per proof);
otherwise, or with ``SHAPEDOCTOR_PROOF_FORK=0``, a fresh Python process; both give the same
report, output and exit status. The child runs in a session of its own, so the whole process group is killed on a
timeout, on Ctrl-C or SIGTERM, and by the kernel when shapedoctor itself dies
(``PR_SET_PDEATHSIG``). The fix is proven only when the run finds no shape problem and the
script exits with status 0.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass

from shapedoctor.patch import interrupts, proof_client
from shapedoctor.patch.apply import Patch
from shapedoctor.patch.proof_client import TrialResult


@dataclass
class Proof:
    proven: bool
    reason: str  # "passed" or why not
    seconds: float
    shape_problem: bool = False  # the patched script still has a shape problem (not another failure)
    breaks_patch: bool = False  # the patched script failed on a line the patch wrote: the fix's own code fails
    left_line: int | None = None  # with shape_problem: the line of the problem left (its consumer)
    training_calls: list | None = None  # the patched run's training calls (method, line, x, y shapes)


def prove(patch: Patch, argv: list[str], timeout: float = 120.0, weight_free: bool = False) -> Proof:
    """Run the patched script under ``run --quick`` (*weight_free*: under ``check``, no weight
    allocated, for ``shapedoctor check --diff/--write``)."""
    start, began = time.perf_counter(), time.monotonic()
    env = proof_client.proof_environment()
    args = [*(["--weight-free"] if weight_free else []), patch.file, *argv]
    data = _encoded(patch)
    try:
        with interrupts.owned():  # Ctrl-C / SIGTERM kill the proof and end shapedoctor, however they land
            interrupts.checkpoint()
            result = proof_client.run_trial(args, data, env, timeout, began)  # forked by a warm copy of shapedoctor
            if result is None:  # off, or the server cannot serve it: a fresh process
                result = run_fresh(args, data, env, timeout)
    except OSError as exc:
        return Proof(False, f"could not run the patched script: {exc.strerror}", time.perf_counter() - start)
    if result.timed_out:
        return Proof(False, f"the patched script did not finish within {timeout:g} s (--timeout to change)",
                     time.perf_counter() - start)
    elapsed = time.perf_counter() - start
    stdout, stderr = result.stdout.decode("utf-8", "replace"), result.stderr.decode("utf-8", "replace")
    try:
        report = json.loads(stdout)
    except json.JSONDecodeError:
        report = None
    if not isinstance(report, dict):
        last = (stderr.strip().splitlines() or ["no output"])[-1]
        return Proof(False, f"the patched script failed: {last}", elapsed)
    if report.get("status") == "error" or (report.get("status") != "ok" and not report.get("findings")):
        error = report.get("error") or "an error"
        line = _failed_on_written_line(patch, report.get("error_at"))
        if line is not None:
            return Proof(False, f"the line the fix wrote fails: line {line}: {error}", elapsed, breaks_patch=True)
        return Proof(False, f"the patched script then failed with {error}", elapsed)
    if report.get("status") != "ok":
        first = (report.get("findings") or [{}])[0]
        where = f" (line {first['consumer']['line']})" if (first.get("consumer") or {}).get("line") else ""
        return Proof(False, f"a shape problem is left: {first.get('id')} {first.get('message')}{where}", elapsed,
                     shape_problem=True, left_line=(first.get("consumer") or {}).get("line"))
    if result.returncode != 0:
        last = (stderr.strip().splitlines() or [""])[-1]
        return Proof(False, f"the patched script exited with status {result.returncode}: {last}", elapsed)
    return Proof(True, "passed", elapsed, training_calls=report.get("training_calls"))


def run_fresh(args: list[str], data: bytes, env: dict[str, str], timeout: float) -> TrialResult:
    """The proof in a fresh ``python -m shapedoctor.patch.trial`` process."""
    command = [sys.executable, "-m", "shapedoctor.patch.trial", str(os.getpid()), *args]
    proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env, start_new_session=True)
    interrupts.LIVE_GROUPS.add(proc.pid)
    try:
        out, err = proc.communicate(data, timeout=timeout)
    except subprocess.TimeoutExpired:
        return TrialResult(None, b"", b"", timed_out=True)
    finally:
        interrupts.LIVE_GROUPS.discard(proc.pid)
        _kill_group(proc)
    return TrialResult(proc.returncode, out, err)


def _failed_on_written_line(patch: Patch, where: dict | None) -> int | None:
    """The line of the patched file that raised, when the patch wrote that line (else None)."""
    if not isinstance(where, dict) or not isinstance(where.get("line"), int):
        return None
    same_file = os.path.realpath(str(where.get("file", ""))) == os.path.realpath(patch.file) or (
        os.path.basename(str(where.get("file", ""))) == os.path.basename(patch.file))
    return where["line"] if same_file and where["line"] in patch.written_lines else None


def _encoded(patch: Patch) -> bytes:
    """The patched text in the encoding of the file it patches (so a coding cookie stays true)."""
    from shapedoctor.patch.sourcefile import read

    try:
        return read(patch.file).encode(patch.after)
    except (OSError, UnicodeError, SyntaxError):
        return patch.after.encode("utf-8")


def _kill_group(proc: subprocess.Popen) -> None:
    """Kill the child's whole process group (the script may have started processes of its own)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.communicate(timeout=10)
