import numpy as np
import keras
from keras import layers

# House features -> price (one number per house).
features = np.random.rand(200, 13).astype("float32")
prices = np.random.rand(200, 1).astype("float32")

model = keras.Sequential([
    keras.Input(shape=(13,)),
    layers.Dense(64, activation="relu"),
    layers.Dense(10),
])
model.compile(optimizer="adam", loss="mse")
model.fit(features, prices, epochs=1, batch_size=20, verbose=0)
print(model.predict(features[:2], verbose=0).shape)
