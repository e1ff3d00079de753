"""What the proof server saves: ``shapedoctor run`` with it and without it, side by side.

For each bundled example, ``shapedoctor run --json`` and ``run --json --write`` (on a copy) run
once as by default (the proofs forked by a copy of the run made before the script started) and once
with ``SHAPEDOCTOR_PROOF_FORK=0`` (every proof a fresh Python), in alternating order; the table gives the wall time and the CPU time of the
whole process tree (this process's reaped children: shapedoctor, its proof server and the proofs
the server reaped), the number of fixes that carry a proof note, and the ratios. The reports must
be the same both ways (the benchmark says so when they are not). ``--corpus SUBSTR...`` also times
``tests/corpus_runner.py SUBSTR...`` both ways (e.g. ``--corpus c00 t00``).

    python benchmarks/bench_proof_server.py [--repeat N] [--corpus c00 t00]

Times are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ["seed_example1_dense_units.py", "seed_example2_reshape.py", "seed_example3_lstm.py"]
SWITCH = "SHAPEDOCTOR_PROOF_FORK"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(command: list[str], cwd: Path, served: bool) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds of the whole tree, stdout."""
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONWARNINGS="ignore", PYTHONPATH=str(ROOT))
    env.pop(SWITCH, None)
    if not served:
        env[SWITCH] = "0"
    cpu, wall = _children_cpu(), time.perf_counter()
    proc = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=1800)
    return time.perf_counter() - wall, _children_cpu() - cpu, proc.stdout


def _proofs(stdout: str) -> int:
    try:
        report = json.loads(stdout)
    except ValueError:
        return -1
    return sum(1 for f in report.get("findings", []) for fix in f.get("fixes", []) if fix.get("proof"))


def _comparable(stdout: str) -> str:
    try:
        report = json.loads(stdout)
    except ValueError:
        return stdout
    return json.dumps(report, sort_keys=True)


def bench_examples(repeat: int) -> list[tuple[str, float, float, float, float, int, bool]]:
    rows = []
    for name in EXAMPLES:
        for write in (False, True):
            with tempfile.TemporaryDirectory() as folder:  # one folder: both reports name the same path
                rows.append(_bench_one(name, write, Path(folder), repeat))
            _print_row(rows[-1])
    return rows


def _bench_one(name: str, write: bool, folder: Path, repeat: int) -> tuple[str, float, float, float, float, int, bool]:
    times = {True: [0.0, 0.0], False: [0.0, 0.0]}
    outputs, proofs = {}, 0
    command = [sys.executable, "-m", "shapedoctor", "run", "--json", "--no-traceback",
               *(["--write"] if write else []), name]
    for attempt in range(repeat):
        for served in ((True, False) if attempt % 2 == 0 else (False, True)):
            for leftover in folder.iterdir():  # the written file and its backup from the run before
                leftover.unlink()
            shutil.copy(ROOT / "examples" / name, folder / name)
            wall, cpu, out = measure(command, folder, served)
            times[served][0] += wall / repeat
            times[served][1] += cpu / repeat
            outputs.setdefault(served, _comparable(out))
            proofs = _proofs(out)
    label = f"run --json{' --write' if write else ''} {name}"
    return (label, *times[True], *times[False], proofs, outputs[True] == outputs[False])


def bench_corpus(selected: list[str]) -> None:
    command = [sys.executable, str(ROOT / "tests" / "corpus_runner.py"), *selected]
    results = {}
    for served in (True, False):
        wall, cpu, out = measure(command, ROOT, served)
        results[served] = (wall, cpu, out.strip().splitlines()[-1:] if out.strip() else ["(no output)"])
    (w1, c1, s1), (w0, c0, s0) = results[True], results[False]
    print(f"\ncorpus_runner.py {' '.join(selected)}: server wall {w1:.1f} s cpu {c1:.1f} s | fresh wall {w0:.1f} s "
          f"cpu {c0:.1f} s | wall x{w0 / w1:.2f} cpu x{c0 / c1:.2f}")
    print(f"  server: {s1[0]}\n  fresh:  {s0[0]}")


def _print_row(row) -> None:
    label, w1, c1, w0, c0, proofs, same = row
    print(f"{label:58} {w1:7.1f} {c1:7.1f} | {w0:7.1f} {c0:7.1f} | x{w0 / w1:4.2f} x{c0 / c1:4.2f} | {proofs:6} "
          f"{'same' if same else 'DIFFERENT REPORTS'}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--corpus", nargs="*", default=None, help="also time tests/corpus_runner.py on these cases")
    args = parser.parse_args()
    print(f"{'':58} {'server':>15} | {'fresh (PROOF_FORK=0)':>15} | {'fresh/server':>11} | proofs")
    print(f"{'':58} {'wall':>7} {'cpu':>7} | {'wall':>7} {'cpu':>7} | {'wall':>5} {'cpu':>5} |")
    rows = bench_examples(args.repeat)
    walls = [sum(r[i] for r in rows) for i in (1, 2, 3, 4)]
    print(f"{'total':58} {walls[0]:7.1f} {walls[1]:7.1f} | {walls[2]:7.1f} {walls[3]:7.1f} | "
          f"x{walls[2] / walls[0]:4.2f} x{walls[3] / walls[1]:4.2f} |")
    if args.corpus is not None:
        bench_corpus(args.corpus or ["c00", "t00"])


if __name__ == "__main__":
    main()
