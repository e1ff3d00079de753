import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(8)
x_train = rng.normal(size=(404, 13)).astype("float32")
y_train = (x_train @ rng.normal(size=13) + 22.0).astype("float32")

model = keras.Sequential([
    keras.Input(shape=(13,)),
    layers.Dense(64, activation="relu"),
    layers.Dense(64, activation="relu"),
    layers.Dense(1),
])
model.compile(optimizer="rmsprop", loss="mse", metrics=["mae"])
history = model.fit(x_train, y_train, epochs=5, batch_size=16, verbose=0)

keras_mse = history.history["loss"][-1]
my_mse = np.square(np.subtract(y_train, model.predict(x_train, verbose=0))).mean()
print(f"keras mse {keras_mse:.3f}  my mse {my_mse:.3f}")
