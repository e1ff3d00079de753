"""A frozen trained layer re-added after a new layer of another width (real Keras; r1230).

Greedy layer-wise training pops the trained output layer, adds a new hidden layer and re-adds the output layer,
frozen (``trainable = False``). A new ``Dense(32)`` before an output layer trained on 64 features is refused
(SD106). The frozen layer's weights are the point: the new layer is the root cause and ``units=64`` its fix,
verified; a separate copy of the frozen layer (which would discard its weights) is not offered.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

x = np.random.rand(64, 10).astype("float32")
y = np.random.randint(0, 3, size=64)
model = keras.Sequential([keras.Input(shape=(10,)), layers.Dense(64, activation="relu"),
                          layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x, y, epochs=1, verbose=0)

head = model.layers[-1]
for layer in model.layers:
    layer.trainable = False
model.pop()
model.add(layers.Dense(32, activation="relu"))
model.add(head)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x, y, epochs=1, verbose=0)
'''


def test_the_new_layer_gets_the_width_the_frozen_layer_was_trained_on(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, "model.add(layers.Dense(32")
    assert (finding["id"], finding["culprit"]["line"]) == ("SD106", line)
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == 'model.add(layers.Dense(64, activation="relu"))'
    assert all("separate" not in f["title"] for f in finding["fixes"])
