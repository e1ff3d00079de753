import numpy as np
import keras
from keras import layers

# Auto-MPG style regression with three targets per car (mpg, hp, accel).
x_train = np.random.rand(64, 9).astype("float32")
y_train = np.random.rand(64, 3).astype("float32")

model = keras.Sequential([
    keras.Input(shape=(9,)),
    layers.Dense(64, activation="relu"),
    layers.Dense(64, activation="relu"),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mean_absolute_error")
model.fit(x_train, y_train, epochs=2, batch_size=16, verbose=0)
