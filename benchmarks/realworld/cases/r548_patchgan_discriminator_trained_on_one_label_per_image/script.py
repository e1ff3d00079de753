# Super-resolution GAN: a 4x upsampling generator and a patch discriminator trained with train_on_batch.
import numpy as np
import keras
from keras import layers

lr_height, lr_width, channels = 16, 16, 3
hr_height, hr_width = lr_height * 4, lr_width * 4
hr_shape = (hr_height, hr_width, channels)


def build_generator():
    img_lr = keras.Input(shape=(lr_height, lr_width, channels))
    x = layers.Conv2D(16, 3, padding="same", activation="relu")(img_lr)
    x = layers.UpSampling2D(size=2)(x)
    x = layers.Conv2D(16, 3, padding="same", activation="relu")(x)
    x = layers.UpSampling2D(size=2)(x)
    gen_hr = layers.Conv2D(channels, 3, padding="same", activation="tanh")(x)
    return keras.Model(img_lr, gen_hr)


def build_discriminator():
    d0 = keras.Input(shape=hr_shape)
    d = d0
    for filters in (16, 32, 64, 64):
        d = layers.Conv2D(filters, 3, strides=2, padding="same")(d)
        d = layers.LeakyReLU(negative_slope=0.2)(d)
    validity = layers.Conv2D(1, 3, padding="same", activation="sigmoid")(d)   # one score per image patch
    return keras.Model(d0, validity)


discriminator = build_discriminator()
discriminator.compile(loss="mse", optimizer=keras.optimizers.Adam(2e-4, 0.5), metrics=["accuracy"])
generator = build_generator()

rng = np.random.default_rng(133)
imgs_hr_all = rng.uniform(-1, 1, size=(24,) + hr_shape).astype("float32")
imgs_lr_all = imgs_hr_all[:, ::4, ::4, :]

batch_size = 2
for epoch in range(3):
    idx = rng.integers(0, len(imgs_hr_all), batch_size)
    imgs_hr, imgs_lr = imgs_hr_all[idx], imgs_lr_all[idx]
    fake_hr = generator.predict(imgs_lr, verbose=0)

    valid = np.ones((batch_size, 1))
    fake = np.zeros((batch_size, 1))
    d_loss_real = discriminator.train_on_batch(imgs_hr, valid)
    d_loss_fake = discriminator.train_on_batch(fake_hr, fake)
    print(epoch, 0.5 * np.add(d_loss_real, d_loss_fake))
