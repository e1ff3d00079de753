"""A decoder compared with the data by a loss inside compute_loss (real Keras; ``run --json``).

The VAE of Deep Learning with Python adapted to 16x16 images keeps the decoder's grid for 12x12
(3 -> 6 -> 12): ``binary_crossentropy(x, reconstruction)`` raises "Arguments `target` and `output`
must have the same shape ... target.shape=(8, 16, 16, 1), output.shape=(8, 12, 12, 1)". Those two
shapes are the operands: the data is right by construction (the encoder took it), the decoder's
seed grid is the root cause, proven by the patched script (r403).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops

image_inputs = keras.Input(shape=(16, 16, 1))
x = layers.Conv2D(8, 3, strides=2, padding="same")(image_inputs)
x = layers.Conv2D(8, 3, strides=2, padding="same")(x)
z = layers.Dense(2)(layers.Flatten()(x))
encoder = keras.Model(image_inputs, z)

latent = keras.Input(shape=(2,))
x = layers.Dense(3 * 3 * 8, activation="relu")(latent)
x = layers.Reshape((3, 3, 8))(x)
x = layers.Conv2DTranspose(8, 3, strides=2, padding="same")(x)
x = layers.Conv2DTranspose(8, 3, strides=2, padding="same")(x)
decoder = keras.Model(latent, layers.Conv2D(1, 3, activation="sigmoid", padding="same")(x))


class AutoEncoder(keras.Model):
    def __init__(self, encoder, decoder):
        super().__init__()
        self.encoder = encoder
        self.decoder = decoder

    def call(self, inputs):
        return self.encoder(inputs)

    def compute_loss(self, x, y, y_pred, sample_weight=None, training=True):
        return ops.mean(keras.losses.binary_crossentropy(x, self.decoder(y_pred)))


images = np.random.rand(32, 16, 16, 1).astype("float32")
model = AutoEncoder(encoder, decoder)
model.compile(optimizer="adam")
model.fit(images, epochs=1, batch_size=8, verbose=0)
'''


def test_the_decoders_seed_grid_is_the_root_cause(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "x = layers.Reshape((3, 3, 8))(x)")
    first = finding["fixes"][0]
    assert first["proven"] and "layers.Reshape((4, 4, 8))" in first["code"]
