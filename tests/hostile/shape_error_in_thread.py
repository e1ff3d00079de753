"""A shape error raised only in a worker thread, in a script that monkeypatches Keras and uses
a custom layer without its own __init__: Python prints the thread's traceback and the main
thread carries on (exit 0). shapedoctor must show the same traceback, then diagnose it
(issue #10, items 4, 5 and 7)."""
import threading

import keras
import numpy as np
from keras import layers


class Scale(layers.Layer):
    def call(self, x):
        return x * 0.5


calls = []
original_call = keras.layers.Layer.__call__


def counting_call(self, *args, **kwargs):
    calls.append(type(self).__name__)
    return original_call(self, *args, **kwargs)


keras.layers.Layer.__call__ = counting_call
model = keras.Sequential([Scale(), layers.Dense(1), layers.LSTM(8)])  # built by the first predict


def predict_in_background():
    model.predict(np.ones((4, 10)), verbose=0)


worker = threading.Thread(target=predict_in_background, name="worker")
worker.start()
worker.join()
print("main thread finished, layers called:", sorted(set(calls)))
