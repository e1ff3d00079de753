import numpy as np
import keras
from keras import layers

# Body measurements -> (age in years, 3 body-composition percentages).
x = np.random.rand(64, 12).astype("float32")
age = np.random.rand(64, 1).astype("float32")
composition = np.random.rand(64, 3).astype("float32")

inputs = keras.Input(shape=(12,))
h = layers.Dense(32, activation="relu")(inputs)
age_out = layers.Dense(1, name="age")(h)
comp_out = layers.Dense(3, name="composition")(h)
model = keras.Model(inputs, [age_out, comp_out])
model.compile(optimizer="adam", loss=["mse", "mse"])
model.fit(x, [composition, age], epochs=1, batch_size=16, verbose=0)
