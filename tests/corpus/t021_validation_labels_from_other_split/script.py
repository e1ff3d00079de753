import numpy as np
import keras
from keras import layers

data = np.random.rand(80, 12).astype("float32")
target = np.random.rand(80, 1).astype("float32")
x_train, x_val = data[:64], data[64:]
y_train, y_val = target[:64], target[16:]

model = keras.Sequential([
    keras.Input(shape=(12,)),
    layers.Dense(16, activation="relu"),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse", metrics=["mae"])
model.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=1, batch_size=16, verbose=0)
