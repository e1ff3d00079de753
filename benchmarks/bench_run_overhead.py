"""`shapedoctor run` vs plain `python` on the failing seed examples, side by side.

Prints wall times (best of N) and the ratio. Goal: <= 1.3x. Nothing is asserted.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ["examples/seed_example2_reshape.py", "examples/seed_example3_lstm.py", "examples/seed_example1_dense_units.py"]
REPEATS = int(os.environ.get("BENCH_REPEATS", "3"))


def best(cmd: list[str]) -> float:
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    print(f"{'script':42} {'python':>9} {'shapedoctor':>12} {'ratio':>6}")
    ratios = []
    for script in SCRIPTS:
        plain = best([sys.executable, script])
        doctor = best([sys.executable, "-m", "shapedoctor", "run", script])
        ratios.append(doctor / plain)
        print(f"{script:42} {plain:8.2f}s {doctor:11.2f}s {doctor / plain:5.2f}x")
    print(f"mean ratio: {sum(ratios) / len(ratios):.2f}x (goal <= 1.3x)")


if __name__ == "__main__":
    main()
