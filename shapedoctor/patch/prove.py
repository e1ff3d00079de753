"""Prove a patch: run the patched script under shapedoctor (``--quick``) in a subprocess.

The patched text is written next to the original (same directory, so relative paths and
imports behave the same) under a hidden name, run with a timeout, and removed. The fix
is proven only when the run finds no shape problem and the script exits with status 0.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass

from shapedoctor.patch.apply import Patch


@dataclass
class Proof:
    proven: bool
    reason: str  # "passed" or why not
    seconds: float


def prove(patch: Patch, argv: list[str], timeout: float = 120.0) -> Proof:
    directory, name = os.path.split(os.path.abspath(patch.file))
    trial = os.path.join(directory, f".{name}.shapedoctor-proof.py")
    start = time.perf_counter()
    try:
        with open(trial, "w", encoding="utf-8", newline="") as fh:
            fh.write(patch.after)
        env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONWARNINGS="ignore")
        proc = subprocess.run(
            [sys.executable, "-m", "shapedoctor", "run", "--json", "--quick", "--no-traceback", trial, *argv],
            capture_output=True, text=True, timeout=timeout, env=env,
        )
    except subprocess.TimeoutExpired:
        return Proof(False, f"the patched script did not finish within {timeout:g} s (--timeout to change)",
                     time.perf_counter() - start)
    except OSError as exc:
        return Proof(False, f"could not run the patched script: {exc.strerror}", time.perf_counter() - start)
    finally:
        try:
            os.remove(trial)
        except OSError:
            pass
    elapsed = time.perf_counter() - start
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        report = None
    if report is None:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return Proof(False, f"the patched script failed: {last}", elapsed)
    if report.get("status") != "ok":
        first = (report.get("findings") or [{}])[0]
        return Proof(False, f"a shape problem is left: {first.get('id')} {first.get('message')}", elapsed)
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or [""])[-1]
        return Proof(False, f"the patched script exited with status {proc.returncode}: {last}", elapsed)
    return Proof(True, "passed", elapsed)
