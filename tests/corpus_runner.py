"""Run shapedoctor over the corpus in parallel subprocesses and score each case.

Used by ``tests/test_corpus.py`` and runnable on its own to print the score table::

    python tests/corpus_runner.py [case-name-substring ...]
"""

from __future__ import annotations

import json
import os
import sys
import tomllib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from warm_cli import run_shapedoctor

CORPUS = Path(__file__).parent / "corpus"
LONG = os.environ.get("SHAPEDOCTOR_LONG") == "1"  # the whole corpus (CI runs a fixed part: corpus_pass.py)


@dataclass
class CaseResult:
    name: str
    case: dict
    exit_code: int
    report: dict | None
    stderr: str
    problems: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.problems


def load_cases(selected: list[str] | None = None) -> list[tuple[str, Path, dict]]:
    cases = []
    for folder in sorted(CORPUS.iterdir()):
        toml = folder / "case.toml"
        if not toml.exists():
            continue
        if selected and not any(s in folder.name for s in selected):
            continue
        with open(toml, "rb") as fh:
            cases.append((folder.name, folder, tomllib.load(fh)))
    return cases


def run_case(name: str, folder: Path, case: dict, extra_args: list[str] | None = None,
             backend: str | None = None) -> CaseResult:
    # SHAPEDOCTOR_DEBUG prints every error shapedoctor's own code kept quiet: a valid program must cause none
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONWARNINGS="ignore", SHAPEDOCTOR_DEBUG="1")
    if backend:
        env["KERAS_BACKEND"] = backend
    proc = run_shapedoctor(["run", "--json", *(extra_args or []), "script.py"], folder, env, 300)
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        report = None
    return scored(name, case, proc.returncode, report, proc.stderr, backend)


def scored(name: str, case: dict, exit_code: int, report: dict | None, stderr: str,
           backend: str | None = None, written: bool = False) -> CaseResult:
    result = CaseResult(name, case, exit_code, report, stderr)
    result.problems = score(case, exit_code, report, backend, written, stderr)
    return result


def score(case: dict, exit_code: int, report: dict | None, backend: str | None = None,
          written: bool = False, stderr: str = "") -> list[str]:
    """What is wrong with one report against its case (empty: the case passes).

    ``written``: the report comes from ``run --write`` that wrote a proven fix, which exits 0.
    """
    problems: list[str] = []
    if report is None:
        return [f"no JSON report (exit {exit_code})"]
    # A case may behave differently on another backend (e.g. JAX does not range-check sparse labels).
    expect = case.get(f"expect_{backend}", case.get("expect", "mismatch")) if backend else case.get("expect", "mismatch")
    if report.get("status") != expect:
        problems.append(f"status {report.get('status')!r}, expected {expect!r}")
        return problems
    if expect == "ok":
        if exit_code != 0:
            problems.append(f"exit code {exit_code}, expected 0")
        if "shapedoctor: internal error" in stderr:
            problems.append("shapedoctor's own code failed while watching a valid program: "
                            + next(line for line in stderr.splitlines() if "shapedoctor: internal error" in line))
        return problems
    if exit_code != (0 if written else 1):
        problems.append(f"exit code {exit_code}, expected {0 if written else 1}")
    findings = report["findings"]
    finding = next((f for f in findings if f["id"] == case.get("family")), findings[0])
    if case.get("family") and finding["id"] != case["family"]:
        problems.append(f"family {finding['id']}, expected {case['family']}")
    culprit = finding.get("culprit") or {}
    lines = case.get("culprit_lines") or []
    if lines and culprit.get("line") not in lines:
        problems.append(f"culprit line {culprit.get('line')}, expected one of {lines}")
    if "consumer_line" in case and (finding.get("consumer") or {}).get("line") != case["consumer_line"]:
        problems.append(f"consumer line {(finding.get('consumer') or {}).get('line')}, expected {case['consumer_line']}")
    wanted = case.get("fixes") or []
    verified = [f for f in finding.get("fixes", []) if f.get("verified")]
    if wanted and not any(w in (f.get("code") or "") for f in verified for w in wanted):
        codes = [f.get("code") for f in verified]
        problems.append(f"no verified fix contains any of {wanted}; got {codes}")
    return problems


def run_all(selected: list[str] | None = None, workers: int = 2, backend: str | None = None) -> list[CaseResult]:
    cases = load_cases(selected)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda c: run_case(*c, backend=backend), cases))


def summary(results: list[CaseResult]) -> str:
    passed = sum(r.passed for r in results)
    lines = [f"{'case':45} result"]
    for r in results:
        lines.append(f"{r.name:45} {'ok' if r.passed else 'FAIL: ' + '; '.join(r.problems)}")
    pct = 100.0 * passed / len(results) if results else 0.0
    lines.append(f"corpus score: {passed}/{len(results)} = {pct:.1f} %")
    return "\n".join(lines)


if __name__ == "__main__":
    print(summary(run_all(sys.argv[1:] or None, backend=os.environ.get("KERAS_BACKEND"))))
