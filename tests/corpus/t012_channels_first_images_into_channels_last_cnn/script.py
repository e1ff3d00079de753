import numpy as np
import keras
from keras import layers

# Microscopy patches exported by a PyTorch pipeline in NCHW layout: (N, 1, 28, 28).
x_train = np.random.rand(32, 1, 28, 28).astype("float32")
y_train = np.random.randint(0, 3, size=(32,))

inputs = keras.Input(shape=(28, 28, 1))
h = layers.Conv2D(16, 3, activation="relu")(inputs)
h = layers.MaxPooling2D(2)(h)
h = layers.Flatten()(h)
outputs = layers.Dense(3, activation="softmax")(h)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=1, batch_size=8, verbose=0)
