"""`shapedoctor run --quick` vs `python` on a script that trains for many epochs.

--quick runs every fit/evaluate/predict as one epoch on a few samples, so the whole shape
flow of a long training script is checked in seconds. Prints both wall times and the
speed-up, measured side by side in one run. Nothing is asserted.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import textwrap

SCRIPT = textwrap.dedent("""\
    import numpy as np
    import keras
    from keras import layers

    x = np.random.rand(20000, 64).astype("float32")
    y = np.random.randint(0, 10, size=(20000,))
    model = keras.Sequential([
        keras.Input(shape=(64,)),
        layers.Dense(256, activation="relu"),
        layers.Dense(256, activation="relu"),
        layers.Dense(10, activation="softmax"),
    ])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    model.fit(x, y, epochs=int(__import__("os").environ.get("EPOCHS", "20")), batch_size=64, verbose=0)
    print(model.evaluate(x, y, verbose=0))
""")


def timed(cmd: list[str], cwd: str) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, capture_output=True, env=dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3"), check=True)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "train.py")
        with open(path, "w") as fh:
            fh.write(SCRIPT)
        plain = timed([sys.executable, "train.py"], tmp)
        quick = timed([sys.executable, "-m", "shapedoctor", "run", "--quick", "train.py"], tmp)
    print(f"python train.py (20 epochs x 20000 samples): {plain:6.1f} s")
    print(f"shapedoctor run --quick train.py:            {quick:6.1f} s")
    print(f"speed-up: {plain / quick:.1f}x")


if __name__ == "__main__":
    main()
