import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(1)
n = 96
scans = rng.random((n, 1, 28, 28)).astype("float32")
meta = rng.random((n, 5)).astype("float32")
labels = rng.integers(0, 3, size=n)

image_input = keras.Input(shape=(28, 28, 1), name="image_input")
metadata_input = keras.Input(shape=(5,), name="metadata_input")

x_img = layers.Conv2D(16, (3, 3), activation="relu")(image_input)
x_img = layers.MaxPooling2D((2, 2))(x_img)
x_img = layers.Flatten()(x_img)
x_img = layers.Dense(32, activation="relu")(x_img)

x_meta = layers.Dense(16, activation="relu")(metadata_input)
x_meta = layers.Dense(8, activation="relu")(x_meta)

merged = layers.Concatenate()([x_img, x_meta])
x = layers.Dense(16, activation="relu")(merged)
out = layers.Dense(3, activation="softmax")(x)

model = keras.Model(inputs=[image_input, metadata_input], outputs=out)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit({"image_input": scans, "metadata_input": meta}, labels, epochs=2, batch_size=16, verbose=0)
print("done")
