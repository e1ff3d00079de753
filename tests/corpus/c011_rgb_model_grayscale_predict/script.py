import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(16, 3, activation="relu")(inputs)
x = layers.MaxPooling2D()(x)
x = layers.Conv2D(32, 3, activation="relu")(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)

# New photos were loaded in grayscale mode: (N, 32, 32, 1).
gray_batch = np.random.rand(4, 32, 32, 1).astype("float32")
preds = model.predict(gray_batch, verbose=0)
print(preds.shape)
