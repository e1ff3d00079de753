import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(0)
train_images = rng.integers(0, 256, size=(600, 28, 28)).astype("uint8")
train_labels = rng.integers(0, 10, size=(600,))

model = keras.Sequential(
    [
        layers.Dense(512, activation="relu"),
        layers.Dense(10, activation="softmax"),
    ]
)
model.compile(
    optimizer="rmsprop",
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)

train_images = train_images.astype("float32") / 255

model.fit(train_images, train_labels, epochs=2, batch_size=128)
