import numpy as np
import keras
from keras import layers
from keras.utils import to_categorical

image_size, num_labels, latent_size, batch_size, train_steps = 28, 10, 50, 32, 3

# stand-in for MNIST: 28x28 digits in [0, 1] and one-hot class labels
rng = np.random.default_rng(21)
x_train = rng.random((320, image_size, image_size, 1)).astype("float32")
y_train = to_categorical(rng.integers(0, num_labels, size=320), num_labels)

inputs = keras.Input(shape=(image_size, image_size, 1), name="discriminator_input")
x = inputs
for filters, strides in [(16, 2), (32, 2), (64, 2), (64, 1)]:
    x = layers.Conv2D(filters, 5, strides=strides, padding="same")(layers.LeakyReLU(0.2)(x))
x = layers.Flatten()(x)
validity = layers.Activation("sigmoid")(layers.Dense(1)(x))
label_probs = layers.Activation("softmax", name="label")(layers.Dense(num_labels)(layers.Dense(64)(x)))
discriminator = keras.Model(inputs, [validity, label_probs], name="discriminator")
loss = ["binary_crossentropy", "categorical_crossentropy"]
discriminator.compile(loss=loss, optimizer=keras.optimizers.RMSprop(2e-4))

z_in, labels_in = keras.Input(shape=(latent_size,), name="z_input"), keras.Input(shape=(num_labels,), name="labels")
x = layers.Dense(7 * 7 * 64)(layers.concatenate([z_in, labels_in], axis=1))
x = layers.Reshape((7, 7, 64))(x)
for filters, strides in [(64, 2), (32, 2), (16, 1), (1, 1)]:
    x = layers.Activation("relu")(layers.BatchNormalization()(x))
    x = layers.Conv2DTranspose(filters, 5, strides=strides, padding="same")(x)
generator = keras.Model([z_in, labels_in], layers.Activation("sigmoid")(x), name="generator")

discriminator.trainable = False
adversarial = keras.Model([z_in, labels_in], discriminator(generator([z_in, labels_in])), name="acgan")
adversarial.compile(loss=loss, optimizer=keras.optimizers.RMSprop(1e-4))

for i in range(train_steps):
    rand_indexes = rng.integers(0, x_train.shape[0], size=batch_size)
    real_images, real_labels = x_train[rand_indexes], y_train[rand_indexes]
    noise = rng.uniform(-1.0, 1.0, size=(batch_size, latent_size))
    fake_labels = np.eye(num_labels)[rng.choice(num_labels, batch_size)]
    fake_images = generator.predict([noise, fake_labels], verbose=0)
    x = np.concatenate((real_images, fake_images))
    labels = np.concatenate((real_labels, fake_labels))
    y = np.ones([batch_size, 1])
    y[batch_size:, :] = 0.0
    d_metrics = discriminator.train_on_batch(x, [y, labels])
    noise = rng.uniform(-1.0, 1.0, size=(batch_size, latent_size))
    fake_labels = np.eye(num_labels)[rng.choice(num_labels, batch_size)]
    a_metrics = adversarial.train_on_batch([noise, fake_labels], [np.ones([batch_size, 1]), fake_labels])
    print(i, "discriminator loss", d_metrics, "adversarial loss", a_metrics)
