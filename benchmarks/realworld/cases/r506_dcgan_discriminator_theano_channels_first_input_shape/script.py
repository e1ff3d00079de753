# DCGAN on 28x28 digits (ported from a Theano-era script to TensorFlow): the discriminator.
import numpy as np
import keras
from keras import layers


def discriminator_model():
    model = keras.Sequential()
    model.add(keras.Input(shape=(1, 28, 28)))
    model.add(layers.Conv2D(64, (5, 5), padding="same"))
    model.add(layers.Activation("tanh"))
    model.add(layers.MaxPooling2D(pool_size=(2, 2)))
    model.add(layers.Conv2D(128, (5, 5)))
    model.add(layers.Activation("tanh"))
    model.add(layers.MaxPooling2D(pool_size=(2, 2)))
    model.add(layers.Flatten())
    model.add(layers.Dense(1024))
    model.add(layers.Activation("tanh"))
    model.add(layers.Dense(1))
    model.add(layers.Activation("sigmoid"))
    return model


rng = np.random.default_rng(14)
X_train = rng.integers(0, 256, size=(64, 28, 28)).astype("float32")
X_train = (X_train - 127.5) / 127.5
X_train = X_train.reshape((X_train.shape[0], 1) + X_train.shape[1:])

d = discriminator_model()
d.compile(loss="binary_crossentropy", optimizer=keras.optimizers.SGD(learning_rate=0.0005, momentum=0.9))
real, fake = X_train[:32], rng.uniform(-1, 1, size=X_train[:32].shape).astype("float32")
d_loss = d.train_on_batch(np.concatenate([real, fake]), np.array([1] * 32 + [0] * 32))
print("d_loss", d_loss)
