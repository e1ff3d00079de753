import numpy as np
import keras
from keras import layers

# Age regression and gender classification from face embeddings: two heads.
rng = np.random.default_rng(7)
faces = rng.random((96, 128)).astype("float32")
age = rng.uniform(10, 80, size=(96, 1)).astype("float32")
gender = rng.integers(0, 2, size=(96, 1)).astype("float32")

inp = keras.Input(shape=(128,))
h = layers.Dense(32, activation="relu")(inp)
age_out = layers.Dense(1, name="age")(h)
gender_out = layers.Dense(1, activation="sigmoid", name="gender")(h)
model = keras.Model(inp, [age_out, gender_out])
model.compile(optimizer="adam", loss="mse")
model.fit(faces, age, epochs=1, batch_size=32, verbose=0)
