"""`shapedoctor check`: measured side by side in one run. Nothing is asserted.

1. big    — a script that builds and fits an 8.5 B-parameter model (34 GB of float32 weights):
            `shapedoctor check` (wall, peak memory) vs `python script.py`, which is run under a
            12 GB address-space limit (``resource.setrlimit``) so that it dies of memory without
            putting the machine at risk.
2. ratios — `check` vs `run --quick` vs `python` on the seed examples and the corpus
            (``BENCH_CASES=N`` takes the first N corpus cases, ``BENCH_PREFIX=t0`` only the
            cases whose folder starts so; default: all), in CPU seconds and wall seconds.
3. many   — 50 corpus scripts checked with `-j 2`: wall time and the peak memory of all
            processes together (sampled with psutil every 50 ms).

4. train  — the same three on a script that really trains (20 epochs on 20,000 samples).

    python benchmarks/bench_check.py [big] [ratios] [many] [train]
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONWARNINGS="ignore")
PYTHON_LIMIT = 12 * 1024 ** 3  # address space allowed to plain `python` on the 8.5 B model

BIG = '''\
import numpy as np
import keras
from keras import layers

model = keras.Sequential([keras.Input((46000,))] + [layers.Dense(46000) for _ in range(4)]
                         + [layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
print("parameters:", model.count_params())
x = np.zeros((64, 46000), "float32")
y = np.zeros((64,), "int64")
model.fit(x, y, epochs=3, batch_size=16)
print("predict:", model.predict(x[:5]).shape)
'''


class PeakMemory:
    """Peak resident memory of a process and all its children, sampled in a thread."""

    def __init__(self, pid: int) -> None:
        import psutil

        self.process = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                procs = [self.process] + self.process.children(recursive=True)
                total = 0
                for p in procs:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        pass
                self.peak = max(self.peak, total)
            except psutil.Error:
                pass
            time.sleep(0.05)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(cmd: list[str], cwd: Path, limit: int | None = None) -> tuple[float, int, int, str]:
    """(wall seconds, peak MB of the process tree, exit code, last stderr line); the CPU seconds
    of the whole tree (user + system) are kept in ``measure.cpu``: on a loaded machine they say
    more than the wall time."""
    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    start, cpu_before = time.perf_counter(), cpu_of_children()
    proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=cap if limit else None)
    sampler = PeakMemory(proc.pid)
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    measure.cpu = cpu_of_children() - cpu_before
    peak = sampler.stop()
    last = next((ln for ln in reversed(err.strip().splitlines()) if ln.strip()), "")
    return wall, peak // 2 ** 20, proc.returncode, last


def bench_big() -> None:
    print("== 1. an 8.5 B-parameter model (34 GB of float32 weights), built and fitted")
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "big.py"
        script.write_text(BIG)
        wall, peak, code, _ = measure([sys.executable, "-m", "shapedoctor", "check", "big.py"], Path(tmp))
        print(f"shapedoctor check big.py : exit {code}, {wall:6.2f} s wall, {measure.cpu:6.2f} s CPU, {peak:6d} MB peak")
        wall, peak, code, last = measure([sys.executable, "big.py"], Path(tmp), limit=PYTHON_LIMIT)
        print(f"python big.py (<= 12 GB) : exit {code}, {wall:6.2f} s wall, {measure.cpu:6.2f} s CPU, {peak:6d} MB peak"
              f" — died: {last[:150]}")
        wall, peak, code, _ = measure([sys.executable, "-c", "import keras"], Path(tmp))
        print(f"python -c 'import keras' : exit {code}, {wall:6.2f} s wall, {measure.cpu:6.2f} s CPU, {peak:6d} MB peak "
              "(the floor: importing Keras and TensorFlow)")
    print(f"machine load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def bench_ratios() -> None:
    print("== 2. check vs run --quick vs python, per script (wall seconds)")
    scripts = [ROOT / "examples" / f for f in ("seed_example1_dense_units.py", "seed_example2_reshape.py",
                                              "seed_example3_lstm.py")]
    prefix = os.environ.get("BENCH_PREFIX", "")  # e.g. "t0": only the training-time cases
    cases = sorted(p for p in (ROOT / "tests" / "corpus").glob(f"{prefix}*/script.py"))
    limit = int(os.environ.get("BENCH_CASES", "0")) or len(cases)
    scripts += cases[:limit]
    print("CPU seconds (user + system) of each command's process tree; wall seconds in brackets")
    print(f"{'script':52} {'python':>15} {'run --quick':>15} {'check':>15} {'check/python':>13} {'check/quick':>12}")
    totals = [0.0] * 6
    for script in scripts:
        cwd = script.parent
        row = []
        for cmd in ([sys.executable, script.name], [sys.executable, "-m", "shapedoctor", "run", "--quick", script.name],
                    [sys.executable, "-m", "shapedoctor", "check", script.name]):
            wall = measure(cmd, cwd)[0]
            row += [measure.cpu, wall]
        totals = [t + r for t, r in zip(totals, row)]
        name = script.relative_to(ROOT).as_posix().replace("/script.py", "")
        cells = " ".join(f"{c:6.2f} ({w:5.1f})" for c, w in zip(row[::2], row[1::2]))
        print(f"{name:52} {cells} {row[4] / row[0]:12.2f}x {row[4] / row[2]:11.2f}x")
    cells = " ".join(f"{c:6.1f} ({w:5.0f})" for c, w in zip(totals[::2], totals[1::2]))
    print(f"{'total (' + str(len(scripts)) + ' scripts)':52} {cells} {totals[4] / totals[0]:12.2f}x "
          f"{totals[4] / totals[2]:11.2f}x")
    print(f"machine load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def bench_train() -> None:
    print("== 4. a script that really trains (bench_quick.py's: 20 epochs on 20,000 samples)")
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_quick import SCRIPT

    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "train.py").write_text(SCRIPT)
        row = {}
        for label, cmd in (("python", [sys.executable, "train.py"]),
                           ("run --quick", [sys.executable, "-m", "shapedoctor", "run", "--quick", "train.py"]),
                           ("check", [sys.executable, "-m", "shapedoctor", "check", "train.py"])):
            wall, peak, code, _ = measure(cmd, Path(tmp))
            row[label] = measure.cpu
            print(f"{label:12}: exit {code}, {measure.cpu:6.2f} s CPU ({wall:5.1f} s wall), {peak} MB peak")
        print(f"check/python {row['check'] / row['python']:.2f}x, check/run --quick "
              f"{row['check'] / row['run --quick']:.2f}x (CPU)")


def bench_many() -> None:
    print("== 3. 50 files checked with -j 2")
    cases = sorted(p for p in (ROOT / "tests" / "corpus").glob("*/script.py"))[:50]
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            shutil.copy(case, Path(tmp) / f"{case.parent.name}.py")
        wall, peak, code, _ = measure([sys.executable, "-m", "shapedoctor", "check", "-j", "2", "--format", "json",
                                       "."], Path(tmp))
        print(f"shapedoctor check -j 2 (50 files): exit {code}, {wall:.1f} s wall ({wall / 50:.2f} s per file), "
              f"{measure.cpu:.1f} s CPU, {peak} MB peak (all processes together)")
    print(f"machine load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    parts = {"big": bench_big, "ratios": bench_ratios, "many": bench_many, "train": bench_train}
    wanted = sys.argv[1:] or list(parts)
    if any(name not in parts for name in wanted):
        sys.exit(__doc__)
    for name in wanted:
        parts[name]()
