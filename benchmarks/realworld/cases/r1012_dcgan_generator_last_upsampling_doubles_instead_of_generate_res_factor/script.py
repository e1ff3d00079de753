import numpy as np
import keras
from keras import layers

# Generation resolution - must be square
# Training data is also scaled to this.
GENERATE_RES = 3  # (1=32, 2=64, 3=96, 4=128)
GENERATE_SQUARE = 32 * GENERATE_RES
IMAGE_CHANNELS = 3
SEED_SIZE = 50
BATCH_SIZE = 8

rng = np.random.default_rng(12)
training_data = rng.uniform(-1, 1, size=(32, GENERATE_SQUARE, GENERATE_SQUARE, IMAGE_CHANNELS)).astype("float32")


def build_generator(seed_size, channels):
    model = keras.Sequential()
    model.add(keras.Input(shape=(seed_size,)))
    model.add(layers.Dense(4 * 4 * 64, activation="relu"))
    model.add(layers.Reshape((4, 4, 64)))
    for filters in (64, 64, 32):
        model.add(layers.UpSampling2D())
        model.add(layers.Conv2D(filters, kernel_size=3, padding="same"))
        model.add(layers.BatchNormalization(momentum=0.8))
        model.add(layers.Activation("relu"))
    # Output resolution, additional upsampling
    if GENERATE_RES > 1:
        model.add(layers.UpSampling2D())
        model.add(layers.Conv2D(32, kernel_size=3, padding="same"))
        model.add(layers.BatchNormalization(momentum=0.8))
        model.add(layers.Activation("relu"))
    model.add(layers.Conv2D(channels, kernel_size=3, padding="same"))
    model.add(layers.Activation("tanh"))
    return model


def build_discriminator(image_shape):
    model = keras.Sequential()
    model.add(keras.Input(shape=image_shape))
    model.add(layers.Conv2D(16, kernel_size=3, strides=2, padding="same"))
    model.add(layers.LeakyReLU(negative_slope=0.2))
    model.add(layers.Conv2D(32, kernel_size=3, strides=2, padding="same"))
    model.add(layers.BatchNormalization(momentum=0.8))
    model.add(layers.LeakyReLU(negative_slope=0.2))
    model.add(layers.Flatten())
    model.add(layers.Dense(1, activation="sigmoid"))
    return model


image_shape = (GENERATE_SQUARE, GENERATE_SQUARE, IMAGE_CHANNELS)
generator = build_generator(SEED_SIZE, IMAGE_CHANNELS)
discriminator = build_discriminator(image_shape)
discriminator.compile(loss="binary_crossentropy", optimizer=keras.optimizers.Adam(1.5e-4, 0.5))
discriminator.trainable = False

random_input = keras.Input(shape=(SEED_SIZE,))
validity = discriminator(generator(random_input))
combined = keras.Model(random_input, validity)
combined.compile(loss="binary_crossentropy", optimizer=keras.optimizers.Adam(1.5e-4, 0.5))

y_real = np.ones((BATCH_SIZE, 1))
y_fake = np.zeros((BATCH_SIZE, 1))
for step in range(3):
    idx = rng.integers(0, training_data.shape[0], BATCH_SIZE)
    seed = rng.normal(0, 1, (BATCH_SIZE, SEED_SIZE))
    gen_imgs = generator.predict(seed, verbose=0)
    d_loss_real = discriminator.train_on_batch(training_data[idx], y_real)
    d_loss_fake = discriminator.train_on_batch(gen_imgs, y_fake)
    g_loss = combined.train_on_batch(seed, y_real)
print("discriminator loss %.3f, generator loss %.3f" % (0.5 * (d_loss_real + d_loss_fake), g_loss))
