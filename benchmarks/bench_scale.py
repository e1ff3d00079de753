"""`shapedoctor run` on a very deep model with a shape error, against plain `python`, side by side.

The script is a Sequential stack of --layers Dense layers (10,000 by default) ending in an
LSTM that refuses the (None, 8) it receives (the seed article's wrong-rank bug, at depth).
`python script.py` fails with Keras's traceback; `shapedoctor run script.py` fails the same
way, then diagnoses it (culprit, shape path, verified fixes). Both commands run --runs times,
interleaved, in fresh processes; the minimum wall time of each and their ratio are printed.
The goal (issue #10, item 12) is a ratio <= 1.3 at 10,000 layers: every stage of the diagnosis
must be linear in the number of layers. Nothing is asserted: this prints numbers.

    python benchmarks/bench_scale.py [--layers 10000] [--runs 2] [--clean]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """\
import keras
from keras import layers

model = keras.Sequential([keras.Input((8,))] + [layers.Dense(8) for _ in range({n})]{tail})
print(model.output_shape)
"""


def write_script(folder: str, layers: int, clean: bool) -> str:
    path = os.path.join(folder, f"deep_{layers}.py")
    tail = "" if clean else " + [layers.LSTM(4)]"
    Path(path).write_text(SCRIPT.format(n=layers, tail=tail), encoding="utf-8")
    return path


def time_once(cmd: list[str]) -> tuple[float, float, int]:
    """Wall time, CPU time (user + system of the child) and exit code of one run."""
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONPATH=str(ROOT))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layers", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--clean", action="store_true", help="no shape error (the recorder's cost alone)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        script = write_script(folder, args.layers, args.clean)
        commands = {"python": [sys.executable, script],
                    "shapedoctor run": [sys.executable, "-m", "shapedoctor", "run", script]}
        walls: dict[str, list[float]] = {name: [] for name in commands}
        cpus: dict[str, list[float]] = {name: [] for name in commands}
        codes = {}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                wall, cpu, codes[name] = time_once(cmd)
                walls[name].append(wall)
                cpus[name].append(cpu)
    wall = {name: min(t) for name, t in walls.items()}
    cpu = {name: min(t) for name, t in cpus.items()}
    kind = "clean" if args.clean else "with a shape error"
    print(f"{args.layers} layers, {kind}, best of {args.runs} (CPU time is steadier on a busy machine):")
    for name in commands:
        print(f"  {name:16} wall {wall[name]:8.2f} s   cpu {cpu[name]:8.2f} s   (exit {codes[name]})")
    print(f"  ratio            wall {wall['shapedoctor run'] / wall['python']:.2f}x      "
          f"cpu {cpu['shapedoctor run'] / cpu['python']:.2f}x")


if __name__ == "__main__":
    main()
