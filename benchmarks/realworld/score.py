"""Score shapedoctor on the frozen real-world benchmark (``cases/`` and ``valid/`` beside this file).

For every case it runs ``python -m shapedoctor run --json script.py`` in the case's folder and
measures, against the answers in ``case.toml`` (which come from the threads, never from
shapedoctor):

* detected: the report's status is ``mismatch`` or ``warning`` (bug cases; ``error``, an
  exception shapedoctor does not recognise, is no verdict);
* culprit line: the first finding's culprit line is one of ``culprit_lines``;
* verified fix (top 3): one of the first three fixes is verified and its code contains one of
  the acceptable ``fixes`` substrings;
* proven ``--write`` (``--write-proof``): in a temporary copy, ``run --write`` proves and writes
  a fix, and the patched script then exits 0 under plain ``python``; the table also says how
  many of the written fixes are acceptable ones;
* false alarms: a valid program (``valid/``) whose status is not ``ok``.

Usage::

    python benchmarks/realworld/score.py [--engine DIR] [-j N] [--write-proof] [--label L] [--only SUBSTR ...]

``--engine DIR`` chooses the shapedoctor checkout (``PYTHONPATH=DIR``; default: the checkout
this file lives in). Per-case results go to ``build/realworld-<label>.json``; a case whose
script, ``case.toml``, engine state and mode did not change since that file was written is
not run again (``--fresh`` runs everything).
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from caseset import Case, load_cases, problems

REPO = Path(__file__).resolve().parents[2]


def engine_state(engine: Path) -> str:
    """The engine checkout's commit, plus a hash of its uncommitted changes to shapedoctor/."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=engine, capture_output=True, text=True).stdout.strip()
    head = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("diff", "HEAD", "--", "shapedoctor")
    return head + ("+" + hashlib.sha256(dirty.encode()).hexdigest()[:8] if dirty else "")


def case_key(case: Case, engine: str) -> str:
    digest = hashlib.sha256()
    for part in (case.script.read_bytes(), engine.encode()):  # case.toml only changes the judging
        digest.update(part + b"\0")
    return digest.hexdigest()


def _env(engine: Path) -> dict:
    return dict(os.environ, PYTHONPATH=str(engine), TF_CPP_MIN_LOG_LEVEL="3", PYTHONWARNINGS="ignore")


def _acceptable(code: str | None, wanted: list[str]) -> bool:
    return any(w in (code or "") for w in wanted)


def extract(report: dict | None) -> dict:
    """What one JSON report says (keys as in the README's JSON section): first finding, first fixes."""
    findings = (report or {}).get("findings") or []
    first = findings[0] if findings else {}
    fixes = first.get("fixes") or []
    written = next((f for f in fixes if f.get("proven")), None)
    return {"status": report.get("status") if report else None, "family": first.get("id"),
            "culprit_line": (first.get("culprit") or {}).get("line"),
            "consumer_line": (first.get("consumer") or {}).get("line"),
            "fixes": [{"code": f.get("code"), "verified": bool(f.get("verified")), "proven": f.get("proven"),
                       "proof": f.get("proof"), "line": f.get("line")} for f in fixes[:3]],
            "written_code": written.get("code") if written else None}


def verdict(case: Case, raw: dict) -> dict:
    """The measures for one case, judged against its case.toml (recomputed on every run)."""
    if case.is_valid_program:
        return {"false_alarm": raw["status"] != "ok"}
    wanted = case.meta.get("fixes") or []
    # Status "error" (the script raised something shapedoctor does not recognise) is no verdict.
    out = {"detected": raw["status"] in ("mismatch", "warning"),
           "culprit_ok": raw["culprit_line"] in (case.meta.get("culprit_lines") or []),
           "fix_ok": any(f["verified"] and _acceptable(f["code"], wanted) for f in raw["fixes"])}
    if "proven_write" in raw:
        out["proven_write"] = raw["proven_write"]
        out["written_acceptable"] = raw["proven_write"] and _acceptable(raw["written_code"], wanted)
    return out


def run_case(case: Case, engine: Path, timeout: int, write_proof: bool, proof_timeout: int) -> dict:
    start = time.perf_counter()
    result: dict = {"name": case.name}
    with tempfile.TemporaryDirectory() as tmp:
        work = case.folder
        if write_proof and not case.is_valid_program:
            work = Path(tmp) / case.name
            shutil.copytree(case.folder, work)
        args = ["--write", "--timeout", str(proof_timeout)] if work != case.folder else []
        try:
            proc = subprocess.run([sys.executable, "-m", "shapedoctor", "run", "--json", *args, "script.py"],
                                  cwd=work, capture_output=True, text=True, env=_env(engine), timeout=timeout)
            report = json.loads(proc.stdout)
            result["exit_code"] = proc.returncode
        except subprocess.TimeoutExpired:
            report, result["error"] = None, f"timeout after {timeout} s"
        except json.JSONDecodeError:
            report, result["error"] = None, f"no JSON report (exit {proc.returncode}): {proc.stderr.strip()[-400:]}"
        result.update(extract(report))
        if args:
            result["proven_write"] = _prove_written(case, work, report, timeout, result)
    result["seconds"] = round(time.perf_counter() - start, 1)
    return result


def _prove_written(case: Case, work: Path, report: dict | None, timeout: int, result: dict) -> bool:
    """``--write`` wrote a proven fix and the patched script exits 0 under plain python."""
    if report is None or result.get("written_code") is None:
        return False
    if (work / "script.py").read_bytes() == case.script.read_bytes():
        result["write_problem"] = "report says proven but script.py is unchanged"
        return False
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONWARNINGS="ignore")
    env.pop("PYTHONPATH", None)
    try:
        after = subprocess.run([sys.executable, "script.py"], cwd=work, capture_output=True, text=True,
                               env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        result["write_problem"] = "patched script timed out"
        return False
    if after.returncode != 0:
        result["write_problem"] = f"patched script exits {after.returncode}: {after.stderr.strip()[-300:]}"
        return False
    return True


def _pct(n: int, total: int) -> str:
    return f"{n}/{total} ({100.0 * n / total:.0f} %)" if total else "–"


def table(results: list[dict], write_proof: bool) -> str:
    bugs = [r for r in results if r["expect"] != "ok"]
    valid = [r for r in results if r["expect"] == "ok"]
    head = ["group", "cases", "detected", "culprit line", "verified fix in top 3"]
    if write_proof:
        head += ["proven `--write` (of cases measured)", "written fix acceptable"]
    rows = [head, ["---"] * len(head)]

    def row(label: str, group: list[dict]) -> list[str]:
        cells = [label, str(len(group)), _pct(sum(r.get("detected", False) for r in group), len(group)),
                 _pct(sum(r.get("culprit_ok", False) for r in group), len(group)),
                 _pct(sum(r.get("fix_ok", False) for r in group), len(group))]
        if write_proof:  # over the cases whose --write was measured
            measured = [r for r in group if "proven_write" in r]
            cells += [_pct(sum(r["proven_write"] for r in measured), len(measured)),
                      _pct(sum(r["proven_write"] and r.get("written_acceptable", False) for r in measured),
                           len(measured))]
        return cells

    if bugs:
        rows.append(row("**all bug cases**", bugs))
    for key in ("expect", "stage", "culprit_kind"):
        for value in sorted({str(r.get(key)) for r in bugs}):
            rows.append(row(f"{key} = {value}", [r for r in bugs if str(r.get(key)) == value]))
    text = "\n".join("| " + " | ".join(r) + " |" for r in rows) if bugs else "(no bug cases)"
    if valid:
        alarms = [r["name"] for r in valid if r.get("false_alarm")]
        text += f"\n\nFalse alarms on valid programs: {len(alarms)}/{len(valid)}"
        text += (": " + ", ".join(alarms)) if alarms else ""
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", type=Path, default=REPO, help="shapedoctor checkout to score (PYTHONPATH)")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=int, default=900, help="seconds per shapedoctor run")
    parser.add_argument("--proof-timeout", type=int, default=300,
                        help="seconds per proof run inside `run --write` (shapedoctor's --timeout)")
    parser.add_argument("--write-proof", action="store_true", help="also measure proven `run --write` (slow)")
    parser.add_argument("--label", default="current", help="results go to build/realworld-<label>.json")
    parser.add_argument("--only", nargs="*", default=None, metavar="SUBSTR", help="cases whose name contains one")
    parser.add_argument("--fresh", action="store_true", help="run every case, reuse nothing")
    parser.add_argument("--order", choices=("name", "new-first"), default="name",
                        help="new-first: cases never measured before run first")
    parser.add_argument("-v", "--verbose", action="store_true", help="one line per case")
    parser.add_argument("--no-run", action="store_true",
                        help="run nothing: print the table of the cases already measured with this engine state")
    args = parser.parse_args(argv)

    cases = load_cases(args.only)
    broken = {c.name: problems(c) for c in cases if problems(c)}
    for name, found in broken.items():
        print(f"skipping malformed case {name}: {'; '.join(found)}", file=sys.stderr)
    cases = [c for c in cases if c.name not in broken]
    engine = args.engine.resolve()
    state = engine_state(engine)
    out_file = REPO / "build" / f"realworld-{args.label}.json"
    previous = {}
    if out_file.exists() and not args.fresh:
        previous = {r["name"]: r for r in json.loads(out_file.read_text()).get("cases", [])}
    keys = {c.name: case_key(c, state) for c in cases}

    def reusable(case: Case) -> bool:  # a --write-proof record also answers a plain run
        old = previous.get(case.name, {})
        return old.get("key") == keys[case.name] and (
            not args.write_proof or case.is_valid_program or "proven_write" in old)

    todo = [c for c in cases if not reusable(c)]
    if args.no_run:
        print(f"--no-run: {len(todo)} case(s) not measured yet are left out: "
              f"{', '.join(c.name for c in todo) or '-'}", file=sys.stderr)
        cases = [c for c in cases if c not in todo]
        todo = []
    if args.order == "new-first":
        todo.sort(key=lambda c: c.name in previous)
    print(f"{len(cases)} cases, {len(cases) - len(todo)} reused, running {len(todo)} with engine "
          f"{engine} ({state}), -j {args.jobs}", file=sys.stderr)

    def one(case: Case) -> dict:
        result = run_case(case, engine, args.timeout, args.write_proof, args.proof_timeout)
        result["key"] = keys[case.name]
        with lock:  # saved as each case ends, so an interrupted run keeps what it measured
            fresh[case.name] = result
            save()
        if args.verbose:
            print(_line({**result, "expect": case.expect, **verdict(case, result)}), file=sys.stderr, flush=True)
        return result

    def save() -> None:
        # Keep every earlier record until this run replaces it (a --write-proof run must not drop the
        # plain records it has not re-measured yet), also those another run saved meanwhile.
        on_disk = json.loads(out_file.read_text()).get("cases", []) if out_file.exists() else []
        done = {**previous, **{r["name"]: r for r in on_disk}, **fresh}
        if args.only is None:  # a full run forgets cases that no longer exist
            names = {c.name for c in load_cases()}
            done = {n: r for n, r in done.items() if n in names}
        out_file.write_text(json.dumps({
            "engine": str(engine), "engine_state": state, "write_proof": args.write_proof,
            "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "cases": [done[n] for n in sorted(done)]}, indent=1))

    fresh: dict[str, dict] = {}
    lock = threading.Lock()
    out_file.parent.mkdir(exist_ok=True)
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        list(pool.map(one, todo))
    save()
    results = []
    for c in cases:
        raw = fresh.get(c.name) or previous[c.name]
        results.append({**raw, "expect": c.expect, "stage": c.meta.get("stage"),
                        "culprit_kind": c.meta.get("culprit_kind"), **verdict(c, raw)})
    write_measured = any("proven_write" in r for r in results)
    fresh.update({r["name"]: r for r in results})  # the saved records carry the verdicts too
    if not args.no_run:
        save()
    print(f"engine {state}, {datetime.date.today().isoformat()}, {len(results)} cases "
          f"(per-case results: {out_file.relative_to(REPO)})\n")
    print(table(results, write_measured))
    return 0


def _line(r: dict) -> str:
    if r["expect"] == "ok":
        verdict = "FALSE ALARM" if r.get("false_alarm") else "ok"
    else:
        verdict = " ".join(f"{k}={'Y' if r.get(k) else 'n'}" for k in ("detected", "culprit_ok", "fix_ok", "proven_write")
                           if k in r)
    extra = f" [{r['error']}]" if r.get("error") else ""
    return f"{r['name']:44} {r.get('status')!s:9} culprit {r.get('culprit_line')!s:5} {verdict}{extra} ({r['seconds']} s)"


if __name__ == "__main__":
    sys.exit(main())
