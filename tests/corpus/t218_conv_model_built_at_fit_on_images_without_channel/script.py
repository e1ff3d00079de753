import numpy as np
import keras
from keras import layers

# Fashion-MNIST-like pictures as loaded: (N, 28, 28), no channel axis.
rng = np.random.default_rng(218)
train_images = rng.integers(0, 256, size=(80, 28, 28)).astype("float32")
train_labels = rng.integers(0, 10, size=(80,))
train_images = train_images / 255.0

model = keras.Sequential([
    layers.Conv2D(16, (3, 3), activation="relu"),
    layers.MaxPooling2D((2, 2)),
    layers.Flatten(),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(train_images, train_labels, epochs=1, verbose=0)
