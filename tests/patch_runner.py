"""Apply `shapedoctor run --write` to a temporary copy of every corpus case that has a fix.

Used by ``tests/test_patch.py``; runnable alone to print the table::

    python tests/patch_runner.py [case-name-substring ...]
    python tests/patch_runner.py --every-fix [case ...]   # prove every verified fix on its own
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

from warm_cli import run_shapedoctor

from corpus_runner import load_cases


@dataclass
class PatchResult:
    name: str
    problems: list[str] = field(default_factory=list)
    proof_seconds: float | None = None
    diff: str = ""
    exit_code: int | None = None  # of `run --write`, with its JSON report: the corpus scores them too
    report: dict | None = None
    stderr: str = ""
    written: bool = False

    @property
    def passed(self) -> bool:
        return not self.problems


def _env() -> dict:
    return dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONWARNINGS="ignore")


def write_case(name: str, folder: Path, case: dict, rerun: bool = True) -> PatchResult:
    """``run --json --write`` on a temporary copy of the case; the proof, the byte-identical backup
    and the lines the diff touches are checked. *rerun*: also run the written script with plain
    ``python`` (exit 0 required). The proof already ran that very script to its end (``--quick``:
    one small step per fit/predict), so the rerun costs a third start of TensorFlow per case for
    what only a full-length run without the recorder adds; the test suite makes it under
    ``SHAPEDOCTOR_LONG=1``."""
    result = PatchResult(name)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / name
        shutil.copytree(folder, work)
        script = work / "script.py"
        original = script.read_bytes()
        proc = run_shapedoctor(["run", "--json", "--timeout", "600", "--write", "script.py"], work, _env(), 600)
        result.exit_code, result.stderr = proc.returncode, proc.stderr
        try:
            report = result.report = json.loads(proc.stdout)
        except json.JSONDecodeError:
            result.problems.append(f"no JSON (exit {proc.returncode}): {proc.stderr[-500:]}")
            return result
        result.written = script.read_bytes() != original
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
        if rerun:
            after = subprocess.run([sys.executable, "script.py"], cwd=work, capture_output=True, text=True,
                                   env=_env(), timeout=600)
            if after.returncode != 0:
                result.problems.append(f"patched script exits {after.returncode}: {after.stderr.strip()[-300:]}")
        result.problems += _touched_only(fix, original.decode(), script.read_text())
    return result


def _proof_time(stderr: str) -> float | None:
    """Mean time of the proofs this run made (one per fix tried)."""
    times = [float(line.split()[2]) for line in stderr.splitlines() if line.startswith("proof took ")]
    return sum(times) / len(times) if times else None


def _import_lines(source: str) -> set[int]:
    import ast

    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    return {n for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))
            for n in range(node.lineno, node.end_lineno + 1)}


def _touched_only(fix: dict, before: str, after: str) -> list[str]:
    """Removed lines must be the fix's line (a call may span a few) or an import it extends;
    added lines go there or are imports."""
    import difflib

    line = fix.get("line") or 0
    named = set(fix.get("lines") or [line])
    imports = _import_lines(before)
    problems = []
    matcher = difflib.SequenceMatcher(a=before.splitlines(), b=after.splitlines(), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        removed = range(i1 + 1, i2 + 1)
        if any(n not in named and n not in imports for n in removed):
            problems.append(f"diff removes line(s) {list(removed)}, the fix names {sorted(named)}")
        added = after.splitlines()[j1:j2]
        at = i1 + 1
        if tag == "insert" and at not in named and at not in imports and not all(
                a.startswith(("import ", "from ")) for a in added):
            problems.append(f"diff inserts {added} at line {at}, the fix names {sorted(named)}")
    return problems


def fixable(case: dict) -> bool:
    return case.get("expect", "mismatch") != "ok" and bool(case.get("fixes"))


def run_all(selected: list[str] | None = None, workers: int = 2) -> list[PatchResult]:
    cases = [c for c in load_cases(selected) if fixable(c[2])]
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


def every_fix(name: str, folder: Path, case: dict) -> list[tuple[str, int, str, str]]:
    """Each verified fix of the case's first finding: (case, number, title, "proven" / why not).

    Every fix is tried on its own with ``--diff --fix N`` (one analysis and one proof each).
    """
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / name
        shutil.copytree(folder, work)
        number, total = 1, 1
        while number <= total:
            proc = run_shapedoctor(["run", "--json", "--diff", "--fix", str(number), "script.py"], work, _env(), 600)
            try:
                report = json.loads(proc.stdout)
            except json.JSONDecodeError:
                rows.append((name, number, "?", f"no JSON (exit {proc.returncode})"))
                break
            fixes = [f for finding in report["findings"][:1] for f in finding["fixes"] if f.get("verified")]
            total = len(fixes)
            if not fixes:
                break
            fix = fixes[number - 1]
            state = "proven" if fix.get("proven") else (
                "not written: " + (fix.get("proof") or "") if fix.get("patch") is None else
                "NOT proven: " + (fix.get("proof") or ""))
            rows.append((name, number, fix["title"], state))
            number += 1
    return rows


def run_every_fix(selected: list[str] | None = None, workers: int = 2) -> list[tuple[str, int, str, str]]:
    cases = [c for c in load_cases(selected) if fixable(c[2])]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return [row for rows in pool.map(lambda c: every_fix(*c), cases) for row in rows]


def every_fix_summary(rows: list[tuple[str, int, str, str]]) -> str:
    lines = [f"{name:45} {n}. {title[:60]:60} {state}" for name, n, title, state in rows]
    proven = sum(state == "proven" for *_, state in rows)
    written = sum(not state.startswith("not written") for *_, state in rows)
    lines.append(f"verified fixes: {len(rows)}; writable {written}; proven {proven} "
                 f"({100.0 * proven / max(1, len(rows)):.1f} %)")
    return "\n".join(lines)


if __name__ == "__main__":
    start = time.perf_counter()
    args = sys.argv[1:]
    if args[:1] == ["--every-fix"]:
        print(every_fix_summary(run_every_fix(args[1:] or None)))
    else:
        print(summary(run_all(args or None)))
    print(f"total {time.perf_counter() - start:.0f} s")
