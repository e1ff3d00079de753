import numpy as np
import keras
from keras import layers

# Breast lesions: 30 measurements per lesion, benign (0) or malignant (1).
features = np.random.rand(120, 30).astype("float32")
malignant = np.random.randint(0, 2, size=(120, 1)).astype("float32")

inputs = keras.Input(shape=(30,))
x = layers.Dense(64, activation="relu")(inputs)
x = layers.Dropout(0.2)(x)
x = layers.Dense(32, activation="relu")(x)
outputs = layers.Dense(2, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(features, malignant, batch_size=16, epochs=1, verbose=0)
