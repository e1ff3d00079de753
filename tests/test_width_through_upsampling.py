"""The width of a segmentation head read through the UpSampling after its 1x1 classifier (real Keras).

``Conv2D(2, 1)`` then ``UpSampling2D(2)`` then a sigmoid, trained with binary cross-entropy on one-channel
masks: the upsampling resizes the map but keeps its channels, so the classifier sets the output's width.
The root cause is that convolution; the fix gives it one filter, verified. Before, the walk stopped at the
UpSampling2D and no fix was offered.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

images = np.random.rand(24, 32, 32, 3).astype("float32")
masks = (np.random.rand(24, 32, 32, 1) > 0.5).astype("float32")
inp = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(8, 3, strides=2, padding="same", activation="relu")(inp)
x = layers.Conv2D(2, 1)(x)
x = layers.UpSampling2D(2)(x)
out = layers.Activation("sigmoid")(x)
model = keras.Model(inp, out)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(images, masks, epochs=1, verbose=0)
'''


def test_the_classifier_before_the_upsampling_gets_one_filter(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "x = layers.Conv2D(2, 1)(x)")
    first = finding["fixes"][0]
    assert first["code"] == "x = layers.Conv2D(1, 1)(x)" and first["verified"]
