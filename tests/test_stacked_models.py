"""A generator stacked on a discriminator before anything ran (real Keras).

The GAN tutorials build the composite model ``Sequential([g_model, d_model])`` right after defining the
two models: Keras checks ``d_model``'s declared input against ``g_model``'s output there, at build time
(the CIFAR-10 DCGAN kept the MNIST generator's 7x7 seed and makes 28x28 images for a 32x32 critic, r1038).
Nothing has run yet, so the evidence that the discriminator is right is the data: an array the script
holds has the discriminator's declared sample shape. The generator's seed grid is then the root cause,
and the fix seeds it larger, verified. Without such an array, nothing says which model is wrong: the
reading stays as it was.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

photos = np.random.default_rng(0).uniform(-1, 1, size=(16, 32, 32, 3)).astype("float32")

critic = keras.Sequential([keras.Input(shape=(32, 32, 3)), layers.Conv2D(8, 3, strides=2, padding="same"),
                           layers.Flatten(), layers.Dense(1, activation="sigmoid")])
maker = keras.Sequential([
    keras.Input(shape=(8,)),
    layers.Dense(16 * 7 * 7),
    layers.Reshape((7, 7, 16)),
    layers.Conv2DTranspose(16, 4, strides=2, padding="same"),
    layers.Conv2DTranspose(16, 4, strides=2, padding="same"),
    layers.Conv2D(3, 3, activation="tanh", padding="same"),
])
critic.trainable = False
gan = keras.Sequential()
gan.add(maker)
gan.add(critic)
gan.compile(loss="binary_crossentropy", optimizer="adam")
'''


def test_the_generators_seed_is_the_cause_when_the_data_has_the_discriminators_shape(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "layers.Reshape((7, 7, 16)),")
    first = finding["fixes"][0]
    assert first["verified"] and "Reshape((8, 8, 16))" in first["code"] and "Dense(1024)" in first["code"]
    assert "`photos`" in finding["explanation"]


def test_without_data_of_either_shape_the_generator_is_not_blamed(tmp_path):
    script = SCRIPT.replace("size=(16, 32, 32, 3)", "size=(16, 30, 30, 3)")
    assert script != SCRIPT
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] != line_of(script, "layers.Reshape((7, 7, 16)),")
    assert "`photos`" not in finding["explanation"]
