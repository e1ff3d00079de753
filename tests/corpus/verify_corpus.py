#!/usr/bin/env python3
"""Run every case of the shape-bug corpus and check it behaves as recorded.

Standalone (stdlib only).  For each ``cNNN_*`` / ``vNNN_*`` (model-building
bugs / valid models) and ``tNNN_*`` / ``uNNN_*`` (training-time bugs / valid
training scripts) folder next to this file it

* validates ``case.toml`` (required keys, allowed values, line numbers that
  point at non-blank lines of ``script.py``),
* runs ``script.py`` in a subprocess,
* checks that buggy cases (``expect = "mismatch"``) exit non-zero with
  ``keras_error`` somewhere in their output, and that valid cases
  (``expect = "ok"``) and silent bugs (``expect = "warning"``, t cases only)
  exit 0.

``--backend jax`` runs the scripts with ``KERAS_BACKEND=jax`` (pass a
``--python`` that has jax installed) and checks ``keras_error_jax`` instead of
``keras_error`` when a case records it; a mismatch case whose
``keras_error_jax`` is ``""`` is expected to exit 0 on JAX (see its
``jax_note``).

Usage::

    python tests/corpus/verify_corpus.py [-j 4] [--python PATH] [-v] [CASE ...]

CASE is a folder name, an id (``c001``, ``t012``) or a prefix letter
(``c``, ``v``, ``t``, ``u``) selecting a whole group.

The interpreter defaults to ``<repo>/.venv/bin/python`` when it exists, else
the interpreter running this file.  Exit status is 0 when every case behaves
as expected.
"""
from __future__ import annotations

import argparse
import concurrent.futures as cf
import os
import re
import subprocess
import sys
import time
import tomllib
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CASE_RE = re.compile(r"^[cvtu]\d{3}_[a-z0-9_]+$")
ANSI_RE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")

FAMILIES = {"SD101", "SD102", "SD103", "SD104", "SD105", "SD106", "SD107"}
# Training-time families (t cases): SD201-SD203 raise, SD204-SD207 are silent.
TRAIN_RAISING = {"SD201", "SD202", "SD203"}
TRAIN_SILENT = {"SD204", "SD205", "SD206", "SD207"}
TRAIN_FAMILIES = TRAIN_RAISING | TRAIN_SILENT
STAGES = {"build", "call", "predict", "fit"}
TRAIN_STAGES = {"fit", "evaluate", "predict", "train_on_batch"}
KINDS = {"layer", "input", "data"}
TRAIN_KINDS = {"layer", "input", "data", "labels", "loss"}
# The call named by consumer_line in a t case must be the stage's method.
STAGE_CALL = {"fit": ".fit(", "evaluate": ".evaluate(", "predict": ".predict(",
              "train_on_batch": ".train_on_batch("}
TIME_BUDGET_S = 10.0


def default_python() -> str:
    venv = REPO / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else sys.executable


def discover(names: list[str]) -> list[Path]:
    dirs = sorted(p for p in HERE.iterdir() if p.is_dir() and CASE_RE.match(p.name))
    if names:
        wanted = set(names)
        dirs = [d for d in dirs if d.name in wanted or d.name.split("_")[0] in wanted
                or d.name[0] in wanted]
    return dirs


def validate(case_dir: Path) -> tuple[dict, list[str]]:
    """Return (meta, problems) for one case folder."""
    problems: list[str] = []
    script = case_dir / "script.py"
    toml = case_dir / "case.toml"
    if not script.exists() or not toml.exists():
        return {}, ["missing script.py or case.toml"]
    try:
        meta = tomllib.loads(toml.read_text())
    except tomllib.TOMLDecodeError as exc:
        return {}, [f"case.toml does not parse: {exc}"]

    lines = script.read_text().splitlines()
    for key in ("title", "source", "stage", "expect", "family", "culprit_lines", "fixes"):
        if key not in meta:
            problems.append(f"missing key {key!r}")
    if not str(meta.get("source", "")).strip():
        problems.append("empty source")

    def check_line(n, what):
        if not isinstance(n, int) or not 1 <= n <= len(lines):
            problems.append(f"{what} {n!r} outside script.py (1..{len(lines)})")
        elif not lines[n - 1].strip():
            problems.append(f"{what} {n} points at a blank line")

    kind = case_dir.name[0]
    if kind in "tu":
        validate_training(meta, lines, kind, problems, check_line)
        return meta, problems

    expect = meta.get("expect")
    if expect not in ("mismatch", "ok"):
        problems.append(f"expect must be 'mismatch' or 'ok', got {expect!r}")
    if meta.get("stage") not in STAGES:
        problems.append(f"stage {meta.get('stage')!r} not in {sorted(STAGES)}")
    if expect == "mismatch":
        if kind != "c":
            problems.append("buggy cases must live in cNNN_* folders")
        # c cases may also carry a raising training-time family (data vs a
        # built model at predict/fit time is SD201).
        if meta.get("family") not in FAMILIES | TRAIN_RAISING:
            problems.append(f"family {meta.get('family')!r} not in {sorted(FAMILIES | TRAIN_RAISING)}")
        if meta.get("culprit_kind") not in KINDS:
            problems.append(f"culprit_kind {meta.get('culprit_kind')!r} not in {sorted(KINDS)}")
        culprits = meta.get("culprit_lines", [])
        if not culprits:
            problems.append("culprit_lines is empty")
        for n in culprits:
            check_line(n, "culprit line")
        check_line(meta.get("consumer_line"), "consumer_line")
        if not isinstance(meta.get("fixes"), list):  # [] = diagnosis only (no fix can be justified from shapes)
            problems.append("fixes must be a list")
        if not str(meta.get("keras_error", "")).strip():
            problems.append("keras_error is empty")
    elif expect == "ok":
        if kind != "v":
            problems.append("valid cases must live in vNNN_* folders")
        if meta.get("family", "") != "":
            problems.append("valid case must have family = \"\"")
        if meta.get("culprit_lines") != [] or meta.get("fixes") != []:
            problems.append("valid case must have culprit_lines = [] and fixes = []")
        if "consumer_line" in meta:
            problems.append("valid case must not set consumer_line")
    return meta, problems


def validate_training(meta: dict, lines: list[str], kind: str, problems: list[str], check_line) -> None:
    """Rules for tNNN (training-time bug) and uNNN (valid training script) cases."""
    expect = meta.get("expect")
    stage = meta.get("stage")
    if stage not in TRAIN_STAGES:
        problems.append(f"stage {stage!r} not in {sorted(TRAIN_STAGES)}")
    for key in ("keras_error_jax", "jax_note", "note"):
        if key in meta and not isinstance(meta[key], str):
            problems.append(f"{key} must be a string")
    if kind == "u":
        if expect != "ok":
            problems.append(f"u cases must have expect = 'ok', got {expect!r}")
        if meta.get("family", "") != "":
            problems.append("valid case must have family = \"\"")
        if meta.get("culprit_lines") != [] or meta.get("fixes") != []:
            problems.append("valid case must have culprit_lines = [] and fixes = []")
        if "consumer_line" in meta:
            problems.append("valid case must not set consumer_line")
        if meta.get("keras_error", "") != "":
            problems.append("valid case must have keras_error = \"\"")
        return

    family = meta.get("family")
    if expect == "mismatch":
        if family not in TRAIN_RAISING:
            problems.append(f"raising t case: family {family!r} not in {sorted(TRAIN_RAISING)}")
        if not str(meta.get("keras_error", "")).strip():
            problems.append("keras_error is empty")
        if meta.get("keras_error_jax") == "" and not str(meta.get("jax_note", "")).strip():
            problems.append("keras_error_jax = \"\" needs a jax_note explaining the JAX behaviour")
    elif expect == "warning":
        # Usually SD204-SD207, but a loss list shorter than the outputs (SD203) or labels -1/+1 under
        # binary_crossentropy (SD202) also train without an error: any training family may be silent.
        if family not in TRAIN_FAMILIES:
            problems.append(f"silent t case: family {family!r} not in {sorted(TRAIN_FAMILIES)}")
        if meta.get("keras_error", "") != "" or meta.get("keras_error_jax", "") != "":
            problems.append("warning case must have keras_error = \"\" (the script raises nothing)")
    else:
        problems.append(f"t cases must have expect 'mismatch' or 'warning', got {expect!r}")
    if meta.get("culprit_kind") not in TRAIN_KINDS:
        problems.append(f"culprit_kind {meta.get('culprit_kind')!r} not in {sorted(TRAIN_KINDS)}")
    culprits = meta.get("culprit_lines", [])
    if not culprits:
        problems.append("culprit_lines is empty")
    for n in culprits:
        check_line(n, "culprit line")
    consumer = meta.get("consumer_line")
    check_line(consumer, "consumer_line")
    call = STAGE_CALL.get(stage) if family != "SD205" else None  # a silent merge: the consumer is the merge line
    if call and isinstance(consumer, int) and 1 <= consumer <= len(lines) and call not in lines[consumer - 1]:
        problems.append(f"consumer_line {consumer} does not contain {call!r} (stage {stage!r})")
    if not isinstance(meta.get("fixes"), list):  # [] = diagnosis only (t019-t021)
        problems.append("fixes must be a list")


def run_case(case_dir: Path, python: str, timeout: float, backend: str = "") -> dict:
    meta, problems = validate(case_dir)
    result = {"name": case_dir.name, "meta": meta, "problems": problems,
              "rc": None, "secs": 0.0, "tail": ""}
    if not meta:
        return result
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONDONTWRITEBYTECODE="1")
    if backend:
        env["KERAS_BACKEND"] = backend
    start = time.monotonic()
    try:
        proc = subprocess.run([python, "script.py"], cwd=case_dir, env=env,
                              capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        result["secs"] = time.monotonic() - start
        problems.append(f"timed out after {timeout:.0f}s")
        return result
    result["secs"] = time.monotonic() - start
    result["rc"] = proc.returncode
    output = ANSI_RE.sub("", proc.stdout + "\n" + proc.stderr)
    expect = meta.get("expect")
    keras_error = meta.get("keras_error")
    if backend == "jax" and "keras_error_jax" in meta:
        keras_error = meta["keras_error_jax"]
        if expect == "mismatch" and keras_error == "":
            expect = "ok"          # documented to behave differently on JAX (jax_note)
    result["expect_run"] = expect
    needle = keras_error or "\x00"
    hits = [line for line in output.splitlines() if needle in line]
    err_lines = [line for line in output.splitlines() if "Error" in line]
    if proc.returncode == 0:
        out_lines = proc.stdout.strip().splitlines()
        result["tail"] = "stdout: " + (out_lines[-1] if out_lines else "")
    else:
        result["tail"] = (hits or err_lines or [output.strip()[-200:]])[-1].strip()

    if expect == "mismatch":
        if proc.returncode == 0:
            problems.append("expected an error, but the script exited 0")
        elif keras_error and keras_error not in output:
            problems.append(f"keras_error {keras_error!r} not found in output")
    elif expect in ("ok", "warning") and proc.returncode != 0:
        problems.append(f"expected exit 0 ({expect}), got {proc.returncode}")
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("cases", nargs="*", help="case folder names, ids (c001, t002...) or prefixes (c, v, t, u)")
    ap.add_argument("-j", "--jobs", type=int, default=4)
    ap.add_argument("--python", default=default_python())
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--backend", default="", choices=["", "tensorflow", "jax", "torch"],
                    help="set KERAS_BACKEND for the scripts (default: inherit the environment)")
    args = ap.parse_args()

    dirs = discover(args.cases)
    if not dirs:
        print("no cases found", file=sys.stderr)
        return 2
    with cf.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        results = list(pool.map(lambda d: run_case(d, args.python, args.timeout, args.backend), dirs))

    good = 0
    slow = []
    for r in results:
        ok = not r["problems"]
        good += ok
        if r["secs"] > TIME_BUDGET_S:
            slow.append(f"{r['name']} ({r['secs']:.1f}s)")
        if args.verbose or not ok:
            status = "ok  " if ok else "FAIL"
            print(f"{status} {r['name']:<45} rc={r['rc']} {r['secs']:5.1f}s  {r['tail'][:110]}")
            for p in r["problems"]:
                print(f"       - {p}")

    fams = Counter(r["meta"].get("family") or "valid" for r in results if r["meta"])
    print("families: " + ", ".join(f"{k}={v}" for k, v in sorted(fams.items())))
    expects = Counter(r["meta"].get("expect") for r in results if r["meta"])
    print("expect: " + ", ".join(f"{k}={v}" for k, v in sorted(expects.items())))
    if slow:
        print(f"note: wall time over the {TIME_BUDGET_S:.0f}s budget with {args.jobs} parallel job(s) "
              "(rerun with -j 1 to time cases in isolation): " + ", ".join(slow))
    print(f"{len(results)} cases: {good} as expected")
    return 0 if good == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
