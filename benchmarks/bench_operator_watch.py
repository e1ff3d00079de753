"""Cost of watching the user's tensor arithmetic (trace/tensor_ops.py), side by side in one run.

A valid eager training loop with a hand-written loss (many ``+ - * /`` on tensors per step) runs
under plain ``python`` and under ``shapedoctor run``; prints the best wall time of each and the
ratio. The same for a loop without operators (only ``model(x)`` and a Keras loss), so the part of
the ratio that the operator watch adds can be read off. Nothing is asserted (noisy machines).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPEATS = int(os.environ.get("BENCH_REPEATS", "3"))
STEPS = int(os.environ.get("BENCH_STEPS", "300"))

_HEAD = """\
import numpy as np
import tensorflow as tf
import keras
from keras import layers

x = np.random.rand(64, 8).astype("float32")
y = np.random.rand(64, 1).astype("float32")
model = keras.Sequential([keras.Input((8,)), layers.Dense(16, activation="relu"), layers.Dense(1)])
opt = keras.optimizers.SGD(0.01)
mse = keras.losses.MeanSquaredError()
"""

SCRIPTS = {
    "hand-written loss (operators)": _HEAD + textwrap.dedent(f"""\
        for step in range({STEPS}):
            with tf.GradientTape() as tape:
                pred = model(x, training=True)
                err = (y - pred) * 0.5 + pred * 0.0
                loss = tf.reduce_mean(err * err) / 2.0 + 1.0 - 1.0
            grads = tape.gradient(loss, model.trainable_variables)
            opt.apply_gradients(zip(grads, model.trainable_variables))
        print(float(loss) >= 0)
        """),
    "Keras loss (no operators)": _HEAD + textwrap.dedent(f"""\
        for step in range({STEPS}):
            with tf.GradientTape() as tape:
                loss = mse(y, model(x, training=True))
            grads = tape.gradient(loss, model.trainable_variables)
            opt.apply_gradients(zip(grads, model.trainable_variables))
        print(float(loss) >= 0)
        """),
}


def best(cmd: list[str], cwd: Path) -> float:
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONPATH=str(ROOT))  # this checkout's shapedoctor
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, capture_output=True, env=env, check=True)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    print(f"{STEPS} eager training steps, best of {REPEATS}")
    print(f"{'loop':32} {'python':>9} {'shapedoctor':>12} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as folder:
        for name, code in SCRIPTS.items():
            script = Path(folder) / "loop.py"
            script.write_text(code)
            plain = best([sys.executable, str(script)], Path(folder))
            doctor = best([sys.executable, "-m", "shapedoctor", "run", str(script)], Path(folder))
            print(f"{name:32} {plain:8.2f}s {doctor:11.2f}s {doctor / plain:5.2f}x")


if __name__ == "__main__":
    main()
