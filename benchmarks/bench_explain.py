"""Time `shapedoctor explain` against a bare `python -c pass`, side by side, in one run.

The input is a 200-line paste assembled from real error texts in tests/fixtures/errors
(an ANSI-coloured IPython traceback, Keras 3 and tf_keras tracebacks with TensorFlow log
lines), so the whole path is measured: interpreter start, imports, reading, normalising,
recognising, advising (the family generators of `shapedoctor run` on a text-only graph) and
printing; the file is given as a path and on standard input, and printed once more in
colour (FORCE_COLOR=1, as on a terminal: code highlighted with pygments). Each command runs
--runs times, interleaved, with its output sent to a pipe; the minimum (least disturbed by other processes) and the median are
reported in milliseconds, with the ratio to `python -c pass`. Bytecode caches are allowed
(PYTHONDONTWRITEBYTECODE is removed for the children), as for an installed package. The goal
is < 150 ms wall for explain. Nothing is asserted: this prints numbers.

    python benchmarks/bench_explain.py [--runs 15] [--file some_error.txt] [--baseline DIR]

With --baseline DIR (a checkout of shapedoctor, e.g. ``git worktree add /tmp/old <commit>``) the
three explain commands also run from DIR (PYTHONPATH=DIR), interleaved with the others, and
each line gets the ratio of this tree's best time to the baseline's: a before/after comparison
under the same load.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "errors"
PARTS = (
    "tfkeras_cce_int_labels.txt",
    "k3tf_fit_wrong_width.txt",
    "k3jax_ops_add.txt",
    "tf_dims_must_be_equal.txt",
    "paste_k3torch_ipython_ansi.txt",  # last: the error that gets explained
)
LINES = 200


def build_paste(path: Path) -> int:
    """Write a LINES-line paste of real tracebacks to *path*; returns the line count."""
    chunks = [(FIXTURES / name).read_text(encoding="utf-8") for name in PARTS]
    lines = "\n".join(chunks).splitlines()
    tail = chunks[-1].splitlines()
    head = lines[: len(lines) - len(tail)]
    head = head[-(LINES - len(tail)) :]
    text = "\n".join(head + tail) + "\n"
    path.write_text(text, encoding="utf-8")
    return text.count("\n")


def time_once(cmd: list[str], env: dict, stdin: Path | None = None, cwd: Path = ROOT) -> float:
    start = time.perf_counter()
    with open(stdin, "rb") if stdin else open(os.devnull, "rb") as fh:
        proc = subprocess.run(cmd, stdin=fh, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cwd)
    took = (time.perf_counter() - start) * 1000
    if proc.returncode not in (0,):
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr.decode(errors='replace')}")
    return took


def in_process_ms(path: Path, repeat: int = 50) -> float:
    """Median time of parse + diagnose for the file, in the running interpreter (warm)."""
    sys.path.insert(0, str(ROOT))
    from shapedoctor.explain.from_text import diagnose_text

    text = path.read_text(encoding="utf-8")
    diagnose_text(text)
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        diagnose_text(text)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=15, help="runs per command (default 15)")
    ap.add_argument("--file", help="explain this file instead of the assembled 200-line paste")
    ap.add_argument("--baseline", help="a shapedoctor checkout to time side by side (PYTHONPATH=DIR)")
    args = ap.parse_args()

    tmp = None
    if args.file:
        path = Path(args.file)
        nlines = path.read_text(encoding="utf-8", errors="replace").count("\n")
    else:
        tmp = tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False)
        tmp.close()
        path = Path(tmp.name)
        nlines = build_paste(path)

    env = dict(os.environ, COLUMNS="100")
    # Measure as installed: with bytecode caches (the warm-up run writes them if missing).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    py = sys.executable
    commands = {
        "python -c pass": [py, "-c", "pass"],
        "shapedoctor explain FILE": [py, "-m", "shapedoctor", "explain", str(path)],
        "shapedoctor explain FILE, in colour": [py, "-m", "shapedoctor", "explain", str(path)],
        "shapedoctor explain --json FILE": [py, "-m", "shapedoctor", "explain", "--json", str(path)],
        "shapedoctor explain --json < FILE": [py, "-m", "shapedoctor", "explain", "--json"],
    }
    stdin = {"shapedoctor explain --json < FILE": path}
    envs = {name: env for name in commands}
    # FORCE_COLOR: rich draws as on a terminal (colours, code highlighted with pygments), which
    # a pipe to this script would not show otherwise.
    envs["shapedoctor explain FILE, in colour"] = dict(env, FORCE_COLOR="1")
    cwds = {name: ROOT for name in commands}  # `python -m` puts the working directory first on sys.path
    if args.baseline:
        baseline = Path(args.baseline).resolve()
        here = dict(env, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")])))
        for name in [n for n in commands if n.startswith("shapedoctor")]:
            commands[f"{name} [baseline]"] = commands[name]
            stdin[f"{name} [baseline]"] = stdin.get(name)
            envs[f"{name} [baseline]"] = dict(envs[name], PYTHONPATH=str(baseline))
            envs[name] = dict(envs[name], PYTHONPATH=here["PYTHONPATH"])
            cwds[f"{name} [baseline]"] = baseline
    for name, cmd in commands.items():  # warm the file cache and the bytecode cache
        time_once(cmd, envs[name], stdin.get(name), cwds[name])
    results: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, cmd in commands.items():
            results[name].append(time_once(cmd, envs[name], stdin.get(name), cwds[name]))

    base = min(results["python -c pass"])
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"input: {path.name if args.file else 'assembled paste'}, {nlines} lines; {args.runs} runs each; "
          f"Python {sys.version.split()[0]}; {os.cpu_count()} CPUs, load average {load:.2f}")
    print(f"{'command':45s} {'min ms':>8s} {'median ms':>10s} {'min / python -c pass':>22s}"
          + (f" {'min / baseline':>15s}" if args.baseline else ""))
    for name, samples in results.items():
        best = min(samples)
        vs = results.get(f"{name} [baseline]")
        against = f" {best / min(vs):14.2f}x" if vs else ""
        print(f"{name:45s} {best:8.1f} {statistics.median(samples):10.1f} {best / base:21.2f}x{against}")
    print(f"explain's own work in a warm interpreter (parse + diagnose): {in_process_ms(path):.2f} ms")
    print(f"the same with a scalar-shape text and the 784 = 28 x 28 text: "
          f"{in_process_ms(FIXTURES / 'k3tf_scalar_labels.txt'):.2f} ms, "
          f"{in_process_ms(FIXTURES / 'k3tf_mnist_unflattened_layer.txt'):.2f} ms")
    worst = max(min(results[n]) for n in commands if n != "python -c pass" and not n.endswith("[baseline]"))
    print(f"goal < 150 ms wall: {'met' if worst < 150 else 'NOT met'} (slowest explain, best run: {worst:.1f} ms)")
    if tmp is not None:
        path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
