"""Three classes trained on one sigmoid unit with binary_crossentropy (silent; real Keras).

A Stack Overflow CNN (r1083, "accuracy not improving") ends ``Dense(1)`` then ``Activation("sigmoid")`` and
trains on class ids 0..2 with binary_crossentropy: it runs, on a meaningless loss. The accepted answer: one
unit per class with softmax and a categorical loss. With the activation in its own layer, the fix sets the
Dense's units and the Activation's function together. The labels and the output already agree in shape, so no
layer edit found by search (removing a pooling layer) is offered as a fix.
"""

from __future__ import annotations

from conftest import run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

images = np.random.default_rng(0).random((48, 16, 16, 3)).astype("float32")
kinds = np.random.default_rng(1).integers(0, 3, size=(48,)).astype("float32")
model = keras.Sequential()
model.add(keras.Input(shape=(16, 16, 3)))
model.add(layers.Conv2D(8, (3, 3), activation="relu"))
model.add(layers.MaxPooling2D(pool_size=(2, 2)))
model.add(layers.Flatten())
model.add(layers.Dense(1))
model.add(layers.Activation("sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="rmsprop", metrics=["accuracy"])
model.fit(images, kinds, batch_size=16, epochs=1, verbose=0)
'''


def test_the_head_and_its_activation_layer_change_together(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    finding = report["findings"][0]
    assert finding["id"] == "SD202" and finding["severity"] == "warning", finding
    first = finding["fixes"][0]
    assert first["verified"] and first["code"].splitlines()[:2] == [
        "model.add(layers.Dense(3))", 'model.add(layers.Activation("softmax"))'], first["code"]
    assert not any("delete this line" in f["code"] for f in finding["fixes"]), finding["fixes"]
