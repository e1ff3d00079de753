import numpy as np
import keras
from keras import layers

# DeblurGAN-style training loop (ImageDeblurring layout): a generator maps
# blurred crops to sharp ones, a discriminator scores real vs generated,
# and d_on_g trains the generator through the frozen discriminator.
IMG = (32, 32, 3)
batch_size = 4
rng = np.random.default_rng(2)
full = rng.random((16,) + IMG).astype("float32") * 2 - 1
blur = (full + 0.3 * rng.normal(size=full.shape)).clip(-1, 1).astype("float32")


def generator_model():
    inp = keras.Input(IMG)
    x = layers.Conv2D(32, 5, padding="same", activation="relu")(inp)
    r = layers.Conv2D(32, 3, padding="same", activation="relu")(x)
    x = layers.Add()([x, layers.Conv2D(32, 3, padding="same")(r)])
    out = layers.Conv2D(3, 5, padding="same", activation="tanh")(x)
    return keras.Model(inp, out, name="g")


def discriminator_model():
    inp = keras.Input(IMG)
    x = layers.Conv2D(32, 4, strides=2, padding="same")(inp)
    x = layers.LeakyReLU(0.2)(x)
    x = layers.Conv2D(64, 4, strides=2, padding="same")(x)
    x = layers.LeakyReLU(0.2)(x)
    out = layers.Dense(1, activation="sigmoid")(layers.Flatten()(x))
    return keras.Model(inp, out, name="d")


g, d = generator_model(), discriminator_model()
g.compile(optimizer="adam", loss="mae")
d.compile(optimizer="adam", loss="binary_crossentropy")
d.trainable = False
blur_in = keras.Input(IMG)
d_on_g = keras.Model(blur_in, d(g(blur_in)))
d_on_g.compile(optimizer="adam", loss="binary_crossentropy")

for index in range(len(full) // batch_size):
    image_blur_batch = blur[index * batch_size:(index + 1) * batch_size]
    image_full_batch = full[index * batch_size:(index + 1) * batch_size]
    generated_images = g.predict(image_blur_batch, batch_size=batch_size, verbose=0)
    x = np.concatenate((image_full_batch, generated_images))
    y = [1] * batch_size + [0] * batch_size
    d.trainable = True
    d_loss = d.train_on_batch(x, y)
    d.trainable = False
    d_on_g_loss = d_on_g.train_on_batch(image_blur_batch, np.ones((batch_size, 1)))
    g_loss = g.train_on_batch(image_blur_batch, image_full_batch)
    print("batch", index, "d", float(d_loss), "d_on_g", float(d_on_g_loss), "g", float(g_loss))
