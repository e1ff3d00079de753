import numpy as np
import keras
from keras import layers

# Looks like a "bottleneck to 1 then back to 64" mistake, but Keras 3 is fine:
# each Dense infers its kernel from whatever width arrives.
model = keras.Sequential([
    keras.Input(shape=(10,)),
    layers.Dense(1),
    layers.Dense(64, activation="relu"),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
print(model.predict(np.random.rand(4, 10), verbose=0).shape)
