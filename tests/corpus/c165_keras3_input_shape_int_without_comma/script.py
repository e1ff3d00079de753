import numpy as np
import keras
from keras import layers

# A table of 13 numeric features per sample.
X_train = np.random.rand(80, 13).astype("float32")
y_train = np.random.rand(80, 1).astype("float32")

inputs = keras.Input(shape=(X_train.shape[1]))
x = layers.Dense(32, activation="relu")(inputs)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(X_train, y_train, epochs=1, batch_size=16, verbose=0)
