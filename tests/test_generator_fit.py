"""A model trained from a Python generator behaves under `run` exactly as under python.

The recorder takes the generator's first batch to check its shapes and hands Keras the rest with
that batch in front again; Keras accepts only generators there (not any iterator), so a valid
program must still train, print and exit as it does under python (real Keras, real subprocesses).
"""

from __future__ import annotations

import subprocess
import sys

from conftest import report_of

VALID = """\
import numpy as np
import keras
from keras import layers

x = np.random.rand(64, 8).astype("float32")
y = np.random.randint(0, 2, (64, 1))
seen = []

def batches():
    while True:
        for i in range(0, 64, 16):
            seen.append(i)
            yield x[i:i + 16], y[i:i + 16]

model = keras.Sequential([keras.Input((8,)), layers.Dense(1, activation="sigmoid")])
model.compile(loss="binary_crossentropy")
model.fit(batches(), steps_per_epoch=4, epochs=1, verbose=0)
print("batches drawn from the start:", seen[:4])
"""


def test_a_valid_generator_fit_runs_as_under_python(cli, tmp_path):
    script = tmp_path / "gen.py"
    script.write_text(VALID)
    plain = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert plain.returncode == 0, plain.stderr
    watched = cli("run", "gen.py", cwd=tmp_path)
    assert watched.returncode == 0, watched.stderr
    # The first batch the recorder looked at still reaches Keras: the same batches, in order.
    assert "batches drawn from the start: [0, 16, 32, 48]" in plain.stdout
    assert watched.stdout.startswith(plain.stdout)
    assert "Unrecognized data type" not in watched.stderr
    report = report_of(cli("run", "--json", "gen.py", cwd=tmp_path))
    assert report["status"] == "ok"
