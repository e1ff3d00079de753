"""Check that every benchmark case behaves as its ``case.toml`` says under plain ``python``.

``mismatch`` cases must raise (non-zero exit) with ``keras_error`` in stderr; ``warning`` cases
(silent bugs) and valid programs must exit 0. shapedoctor is not involved. Usage::

    python benchmarks/realworld/verify_cases.py [-j N] [SUBSTR ...]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from caseset import Case, load_cases, problems


def verify(case: Case, timeout: int) -> tuple[list[str], float]:
    found = problems(case)
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
    env.pop("PYTHONPATH", None)
    start = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "script.py"], cwd=case.folder, capture_output=True, text=True,
                              env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        return found + [f"timed out after {timeout} s"], float(timeout)
    seconds = time.perf_counter() - start
    if case.expect == "mismatch":
        if proc.returncode == 0:
            found.append("exits 0, expected a Keras error")
        elif case.meta.get("keras_error", "") not in proc.stderr:
            last = proc.stderr.strip().splitlines()[-1:] or ["(no stderr)"]
            found.append(f"keras_error not in stderr; last line: {last[0][:300]}")
    elif proc.returncode != 0:
        found.append(f"exits {proc.returncode}: {proc.stderr.strip()[-300:]}")
    return found, seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("only", nargs="*")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=int, default=120)
    args = parser.parse_args()
    cases = load_cases(args.only or None)
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        outcomes = list(pool.map(lambda c: verify(c, args.timeout), cases))
    for case, (found, seconds) in zip(cases, outcomes):
        print(f"{case.name:44} {seconds:5.1f} s  {'ok' if not found else 'FAIL: ' + '; '.join(found)}")
    bad = sum(bool(found) for found, _ in outcomes)
    print(f"{len(cases) - bad}/{len(cases)} cases behave as declared")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
