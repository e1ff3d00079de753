"""What the tests' warm command line saves: the same ``shapedoctor`` runs fresh and warm, side by side.

``tests/warm_cli.py`` runs the tests' ``python -m shapedoctor ...`` as forks of one process that
imported Keras once. This runs the seed examples' ``run --json`` (each a diagnosis and one or more
proofs, the typical test), a valid program's ``run`` and ``--help``, ``--repeat`` times each, once
as fresh processes and once through the warm processes (their start included, then ended and
reaped), and prints the wall time and the CPU time of the whole process tree both ways, and the
ratios. The outputs must be equal both ways (it says so when they are not).

    python benchmarks/bench_warm_cli.py [--repeat N]

Times are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from warm_cli import run_shapedoctor, stop_all  # noqa: E402 - the tests' helper, found through the path above

EXAMPLES = ["seed_example1_dense_units.py", "seed_example2_reshape.py", "seed_example3_lstm.py"]
VALID = "import keras\nprint(keras.ops.ones((2, 3)).shape)\n"
ENV = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", TF_ENABLE_ONEDNN_OPTS="0", PYTHONWARNINGS="ignore", COLUMNS="120")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _commands() -> list[list[str]]:
    return [["run", "--json", name] for name in EXAMPLES] + [["run", "valid.py"], ["--help"]]


def _batch(work: Path, repeat: int, warm: bool) -> tuple[float, float, list[tuple]]:
    cpu, wall, seen = _children_cpu(), time.perf_counter(), []
    for _ in range(repeat):
        for args in _commands():
            if warm:
                done = run_shapedoctor(args, work, ENV, 900)
            else:
                done = subprocess.run([sys.executable, "-m", "shapedoctor", *args], cwd=work, env=ENV,
                                      capture_output=True, text=True, timeout=900)
            seen.append((done.returncode, done.stdout))
    if warm:
        stop_all()
    return time.perf_counter() - wall, _children_cpu() - cpu, seen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=2, help="times each command runs each way (default 2)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name in EXAMPLES:
            shutil.copy(ROOT / "examples" / name, work / name)
        (work / "valid.py").write_text(VALID)
        runs = len(_commands()) * args.repeat
        print(f"{runs} shapedoctor runs each way ({len(EXAMPLES)} seed examples run --json, a valid program, --help;"
              f" x{args.repeat})")
        warm_wall, warm_cpu, warm_seen = _batch(work, args.repeat, warm=True)
        fresh_wall, fresh_cpu, fresh_seen = _batch(work, args.repeat, warm=False)
    print(f"{'':8} {'wall s':>8} {'CPU s':>8}")
    print(f"{'fresh':8} {fresh_wall:8.1f} {fresh_cpu:8.1f}")
    print(f"{'warm':8} {warm_wall:8.1f} {warm_cpu:8.1f}")
    print(f"warm/fresh: wall x{warm_wall / fresh_wall:.2f}, CPU x{warm_cpu / fresh_cpu:.2f}")
    if warm_seen != fresh_seen:
        print("the outputs differ between the two ways")
        return 1
    print("outputs: identical both ways")
    return 0


if __name__ == "__main__":
    sys.exit(main())
