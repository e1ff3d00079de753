# Residual convnet on small single-channel images with a binary label (random stand-in data).
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(13)
images = rng.uniform(0, 255, size=(192, 32, 32, 1)).astype("float32")
labels = rng.integers(0, 2, size=(192,)).astype("float32")


def residual_block(x, filters, pooling=False):
    residual = x
    x = layers.Conv2D(filters, 3, activation="relu", padding="same")(x)
    x = layers.Conv2D(filters, 3, activation="relu", padding="same")(x)
    if pooling:
        x = layers.MaxPooling2D(2, padding="same")(x)
        residual = layers.Conv2D(filters, 1, strides=2)(residual)
    elif filters != residual.shape[-1]:
        residual = layers.Conv2D(filters, 1)(residual)
    return layers.add([x, residual])


inputs = keras.Input(shape=(32, 32, 1))
x = layers.Rescaling(1.0 / 255)(inputs)
x = residual_block(x, filters=16, pooling=False)
x = residual_block(x, filters=32, pooling=True)
x = residual_block(x, filters=64, pooling=True)
x = residual_block(x, filters=64, pooling=False)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs=inputs, outputs=outputs)

model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(images, labels, epochs=1, batch_size=32, validation_split=0.25)
probabilities = model.predict(images[:4], verbose=0)
print("probabilities:", probabilities.shape)
