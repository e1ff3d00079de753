"""A generator whose first grid was written for another image size (real Keras; ``run --json``).

A DCGAN moved from 28x28 to 32x32 images keeps ``Dense(7 * 7 * C)`` + ``Reshape((7, 7, C))``: two
upsamplings give 28x28 and the discriminator, which already ran on the real 32x32 images, refuses
the fakes. 28 is not 32 by a whole factor and no valid window shrank the map, so the upsampling stages
are right and the seed is wrong: the Reshape is the root cause and the fix resizes the grid to 8x8
with the Dense giving as many units, verified by replaying the generator and proven by the script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

latent_dim = 16
images = np.random.rand(32, 32, 32, 3).astype("float32")

discriminator = keras.Sequential([
    keras.Input((32, 32, 3)),
    layers.Conv2D(8, 3, strides=2, padding="same", activation="relu"),
    layers.Flatten(),
    layers.Dense(1),
])
generator = keras.Sequential([
    keras.Input((latent_dim,)),
    layers.Dense(7 * 7 * 16, activation="relu"),
    layers.Reshape((7, 7, 16)),
    layers.UpSampling2D(),
    layers.Conv2D(8, 3, padding="same", activation="relu"),
    layers.UpSampling2D(),
    layers.Conv2D(3, 3, padding="same", activation="tanh"),
])
loss_fn = keras.losses.BinaryCrossentropy(from_logits=True)
d_opt, g_opt = keras.optimizers.Adam(1e-3), keras.optimizers.Adam(1e-3)

for step in range(2):
    real = images[step * 8:(step + 1) * 8]
    noise = tf.random.normal((8, latent_dim))
    with tf.GradientTape() as tape:
        real_logits = discriminator(real)
        fake_logits = discriminator(generator(noise))
        d_loss = loss_fn(tf.ones_like(real_logits), real_logits) + loss_fn(tf.zeros_like(fake_logits), fake_logits)
    grads = tape.gradient(d_loss, discriminator.trainable_variables)
    d_opt.apply_gradients(zip(grads, discriminator.trainable_variables))
'''


def test_a_generator_seeded_for_another_image_size_gets_its_seed_grid_resized(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "layers.Reshape((7, 7, 16))")
    first = finding["fixes"][0]
    assert "Reshape((8, 8, 16))" in first["code"] and "Dense(1024" in first["code"]
    assert first["verified"] and first["proven"]
