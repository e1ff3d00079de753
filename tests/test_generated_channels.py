"""A generator whose last layer makes RGB images for a grayscale discriminator (real Keras).

TensorFlow's DCGAN tutorial with ``Conv2DTranspose(3, ...)`` as the generator's last layer (r660): the
discriminator, declared for (28, 28, 1) and already run on the real images, refuses the (n, 28, 28, 3)
fakes. The producing model's layer that sets the channels is the cause, and one channel the fix,
verified by replaying the generator and proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

maker = keras.Sequential([keras.Input((8,)), layers.Dense(7 * 7 * 4), layers.Reshape((7, 7, 4)),
                          layers.Conv2DTranspose(3, 3, strides=2, padding="same"), layers.Activation("tanh")])
critic = keras.Sequential([keras.Input((14, 14, 1)), layers.Conv2D(4, 3, strides=2), layers.Flatten(), layers.Dense(1)])
real = np.random.rand(6, 14, 14, 1).astype("float32")
print(critic(real).shape)
fake = maker(np.random.rand(6, 8).astype("float32"))
print(critic(fake).shape)
'''


def test_the_generator_layer_that_sets_the_channels_gets_one(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1 and report["status"] == "mismatch", proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "layers.Conv2DTranspose(3, 3")
    first = finding["fixes"][0]
    assert first["verified"] and "layers.Conv2DTranspose(1, 3, strides=2" in first["code"], first
    assert not any(step["role"] == "culprit" for step in finding["path"])
