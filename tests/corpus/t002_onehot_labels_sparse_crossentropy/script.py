import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

# Iris-like table: 4 measurements per flower, 3 species.
features = np.random.rand(60, 4).astype("float32")
species = np.random.randint(0, 3, size=(60,))
labels = keras.utils.to_categorical(species, num_classes=3)

inputs = keras.Input(shape=(4,))
h = layers.Dense(16, activation="relu")(inputs)
h = layers.Dense(16, activation="relu")(h)
outputs = layers.Dense(3, activation="softmax")(h)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(features, labels, epochs=1, batch_size=12, verbose=0)
