import numpy as np
import keras
from keras import layers


def create_cnn(width, height, depth, filters=(16, 32, 64)):
    inputs = keras.Input(shape=(height, width, depth))
    x = inputs
    for f in filters:
        x = layers.Conv2D(f, (3, 3), padding="same")(x)
        x = layers.Activation("relu")(x)
        x = layers.BatchNormalization(axis=-1)(x)
        x = layers.MaxPooling2D(pool_size=(2, 2))(x)
        x = layers.Flatten()(x)
        x = layers.Dense(16)(x)
        x = layers.Activation("relu")(x)
    x = layers.Dense(4)(x)
    x = layers.Activation("relu")(x)
    outputs = layers.Dense(1, activation="linear")(x)
    return keras.Model(inputs, outputs)


model = create_cnn(32, 32, 3)
images = np.random.rand(8, 32, 32, 3).astype("float32")
prices = np.random.rand(8, 1).astype("float32")
model.compile(optimizer="adam", loss="mean_absolute_percentage_error")
model.fit(images, prices, epochs=1, batch_size=4, verbose=0)
