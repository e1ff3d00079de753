"""Apply `shapedoctor run --write` to a temporary copy of every corpus case that has a fix.

Used by ``tests/test_patch.py``; runnable alone to print the table::

    python tests/patch_runner.py [case-name-substring ...]
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from corpus_runner import load_cases


@dataclass
class PatchResult:
    name: str
    problems: list[str] = field(default_factory=list)
    proof_seconds: float | None = None
    diff: str = ""

    @property
    def passed(self) -> bool:
        return not self.problems


def _env() -> dict:
    return dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONWARNINGS="ignore")


def write_case(name: str, folder: Path, case: dict) -> PatchResult:
    result = PatchResult(name)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / name
        shutil.copytree(folder, work)
        script = work / "script.py"
        original = script.read_bytes()
        proc = subprocess.run([sys.executable, "-m", "shapedoctor", "run", "--json", "--write", "script.py"],
                              cwd=work, capture_output=True, text=True, env=_env(), timeout=600)
        try:
            report = json.loads(proc.stdout)
        except json.JSONDecodeError:
            result.problems.append(f"no JSON (exit {proc.returncode}): {proc.stderr[-500:]}")
            return result
        fixes = [f for finding in report["findings"][:1] for f in finding["fixes"]]
        if not fixes:
            result.problems.append("no fix")
            return result
        fix = next((f for f in fixes if f.get("proven")), fixes[0])
        result.diff = fix.get("patch") or ""
        if not fix.get("proven"):
            result.problems.append(f"not proven: {fix.get('proof')}")
            return result
        result.proof_seconds = _proof_time(proc.stderr)
        if proc.returncode != 0:
            result.problems.append(f"--write exited {proc.returncode}: {proc.stderr[-300:]}")
        backup = work / "script.py.orig"
        if not backup.exists() or backup.read_bytes() != original:
            result.problems.append("backup missing or not byte-identical")
        after = subprocess.run([sys.executable, "script.py"], cwd=work, capture_output=True, text=True, env=_env(),
                               timeout=600)
        if after.returncode != 0:
            result.problems.append(f"patched script exits {after.returncode}: {after.stderr.strip()[-300:]}")
        result.problems += _touched_only(fix, original.decode(), script.read_text())
    return result


def _proof_time(stderr: str) -> float | None:
    """Mean time of the proofs this run made (one per fix tried)."""
    times = [float(line.split()[2]) for line in stderr.splitlines() if line.startswith("proof took ")]
    return sum(times) / len(times) if times else None


def _touched_only(fix: dict, before: str, after: str) -> list[str]:
    """Removed lines must be the fix's line (a call may span a few); added lines go there or are imports."""
    import difflib

    line = fix.get("line") or 0
    named = set(fix.get("lines") or [line])
    problems = []
    matcher = difflib.SequenceMatcher(a=before.splitlines(), b=after.splitlines(), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        removed = range(i1 + 1, i2 + 1)
        if any(n not in named for n in removed):
            problems.append(f"diff removes line(s) {list(removed)}, the fix names {sorted(named)}")
        added = after.splitlines()[j1:j2]
        at = i1 + 1
        if tag == "insert" and at not in named and not all(a.startswith("import ") for a in added):
            problems.append(f"diff inserts {added} at line {at}, the fix names {sorted(named)}")
    return problems


def run_all(selected: list[str] | None = None, workers: int = 2) -> list[PatchResult]:
    cases = [c for c in load_cases(selected) if c[2].get("expect", "mismatch") != "ok" and c[2].get("fixes")]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda c: write_case(*c), cases))


def summary(results: list[PatchResult]) -> str:
    lines = []
    for r in results:
        lines.append(f"{r.name:45} {'proven+written' if r.passed else 'FAIL: ' + '; '.join(r.problems)}")
    times = [r.proof_seconds for r in results if r.proof_seconds is not None]
    proven = sum(r.passed for r in results)
    mean = sum(times) / len(times) if times else float("nan")
    lines.append(f"proven fixes: {proven}/{len(results)}; mean proof time {mean:.1f} s")
    return "\n".join(lines)


if __name__ == "__main__":
    start = time.perf_counter()
    print(summary(run_all(sys.argv[1:] or None)))
    print(f"total {time.perf_counter() - start:.0f} s")
