"""A valid but unfriendly program: reads stdin, changes directory, uses a process pool and a
thread that dies, monkeypatches Keras, trains, then exits with sys.exit(3). Its output and
exit code must be the same under `shapedoctor run` as under python."""
import multiprocessing
import os
import sys
import tempfile
import threading

import keras
import numpy as np
from keras import layers


def square(n):
    return n * n


def failing_worker():
    raise RuntimeError("worker gave up")


if __name__ == "__main__":
    text = sys.stdin.read()
    print("stdin:", text.strip().upper())

    here = os.getcwd()
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)
        print("cwd changed:", os.getcwd() != here)
        os.chdir(here)

    with multiprocessing.get_context("fork").Pool(2) as pool:
        print("pool:", pool.map(square, range(5)))

    worker = threading.Thread(target=failing_worker, name="worker")
    worker.start()
    worker.join()

    calls = []
    original_call = keras.layers.Layer.__call__

    def counting_call(self, *args, **kwargs):
        calls.append(type(self).__name__)
        return original_call(self, *args, **kwargs)

    keras.layers.Layer.__call__ = counting_call
    original_fit = keras.Model.fit
    keras.Model.fit = lambda self, *a, **k: print("fit patched away") or original_fit(self, *a, **k)
    model = keras.Sequential([keras.Input((4,)), layers.Dense(3), layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    model.fit(np.ones((8, 4)), np.ones((8, 1)), epochs=1, verbose=0)
    keras.layers.Layer.__call__ = original_call
    print("patched calls seen:", sorted(set(calls)))
    sys.stdout.flush()
    sys.exit(3)
