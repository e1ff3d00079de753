# Sketch-to-photo translation with a PatchGAN critic: the critic scores every patch of a
# (sketch, photo) pair, so the real/fake targets are maps of the critic's output size.
import numpy as np
import keras
from keras import layers

SHAPE = (32, 32, 3)


def patch_critic():
    sketch, photo = keras.Input(shape=SHAPE), keras.Input(shape=SHAPE)
    h = layers.Concatenate()([sketch, photo])
    for width in (16, 32):
        h = layers.Conv2D(width, 4, strides=2, padding="same")(h)
        h = layers.LeakyReLU(negative_slope=0.2)(h)
    scores = layers.Conv2D(1, 4, padding="same", activation="sigmoid")(h)
    critic = keras.Model([sketch, photo], scores)
    critic.compile(loss="binary_crossentropy", optimizer=keras.optimizers.Adam(2e-4, beta_1=0.5))
    return critic


def painter():
    sketch = keras.Input(shape=SHAPE)
    down1 = layers.LeakyReLU(negative_slope=0.2)(layers.Conv2D(16, 4, strides=2, padding="same")(sketch))
    down2 = layers.LeakyReLU(negative_slope=0.2)(layers.Conv2D(32, 4, strides=2, padding="same")(down1))
    up1 = layers.Conv2DTranspose(16, 4, strides=2, padding="same")(down2)
    up1 = layers.Activation("relu")(layers.Concatenate()([up1, down1]))
    photo = layers.Conv2DTranspose(3, 4, strides=2, padding="same", activation="tanh")(up1)
    return keras.Model(sketch, photo)


critic, gen = patch_critic(), painter()
critic.trainable = False
sketch_in = keras.Input(shape=SHAPE)
fake_photo = gen(sketch_in)
combined = keras.Model(sketch_in, [critic([sketch_in, fake_photo]), fake_photo])
combined.compile(loss=["binary_crossentropy", "mae"], loss_weights=[1, 100],
                 optimizer=keras.optimizers.Adam(2e-4, beta_1=0.5))

grid = critic.output_shape[1]
gen_rng = np.random.default_rng(199)
sketches = gen_rng.uniform(-1, 1, (16,) + SHAPE).astype("float32")
photos = gen_rng.uniform(-1, 1, (16,) + SHAPE).astype("float32")
batch = 4
for step in range(2):
    pick = gen_rng.integers(0, len(sketches), batch)
    real_targets = np.ones((batch, grid, grid, 1))
    fake_targets = np.zeros((batch, grid, grid, 1))
    painted = gen.predict(sketches[pick], verbose=0)
    critic.train_on_batch([sketches[pick], photos[pick]], real_targets)
    critic.train_on_batch([sketches[pick], painted], fake_targets)
    losses = combined.train_on_batch(sketches[pick], [real_targets, photos[pick]])
    print(step, [round(float(v), 3) for v in np.atleast_1d(losses)])
