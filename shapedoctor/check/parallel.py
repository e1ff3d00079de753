"""Check many files, each in its own Python process, several at a time.

Each file runs in a fresh interpreter (``python -m shapedoctor check --worker FILE``), so one
script's Keras state, memory or crash never reaches another; the worker prints that file's
JSON report on stdout (the script's own prints go to stderr); it dies with the ``check`` process
that started it (Linux ``PR_SET_PDEATHSIG``). A file that runs past the time limit is stopped
(its whole process group) and reported as ``timeout``; a worker that dies (e.g. out of memory) as
``failed``. Reports come back in the order of the files, whatever order they finish in.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Callable

from shapedoctor.check.single import FAILED, TIMEOUT, FileReport


def check_files(files: list[str], jobs: int, timeout: float,
                progress: Callable[[FileReport], None] | None = None) -> list[FileReport]:
    """One report per file, checked *jobs* at a time, each within *timeout* seconds."""
    def one(file: str) -> FileReport:
        report = _run_worker(file, timeout)
        if progress is not None:
            progress(report)
        return report

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(one, files))


def _run_worker(file: str, timeout: float) -> FileReport:
    env = dict(os.environ)
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    started = time.perf_counter()
    cmd = [sys.executable, "-m", "shapedoctor", "check", "--worker", "--parent-pid", str(os.getpid()), file]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(proc)
        return FileReport(file, outcome=TIMEOUT, detail=f"no result within {timeout:g} s",
                          seconds=time.perf_counter() - started)
    seconds = time.perf_counter() - started
    try:
        data = json.loads(out)
    except json.JSONDecodeError:
        tail = (err or "").strip().splitlines()[-1:] or [f"exit code {proc.returncode}"]
        return FileReport(file, outcome=FAILED, detail=f"the check process died: {tail[0][:300]}", seconds=seconds)
    data["seconds"] = round(seconds, 3)
    report = FileReport(file, outcome=data.get("outcome", FAILED), detail=data.get("detail"), seconds=seconds)
    report.json_cache = data
    report.stopped = data.get("stopped")
    return report


def _kill(proc: subprocess.Popen) -> None:
    """Stop the worker and whatever it started (its own process group)."""
    import signal

    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, AttributeError):
        proc.kill()
    proc.communicate()
