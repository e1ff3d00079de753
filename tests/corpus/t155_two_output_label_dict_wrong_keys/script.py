import numpy as np
import keras
from keras import layers

# Face crops as 64 features; predict the age (regression) and the gender (binary).
faces = np.random.rand(100, 64).astype("float32")
ages = np.random.rand(100, 1).astype("float32")
genders = np.random.randint(0, 2, size=(100, 1)).astype("float32")

inputs = keras.Input(shape=(64,))
x = layers.Dense(32, activation="relu")(inputs)
age_out = layers.Dense(1, name="age")(x)
gender_out = layers.Dense(1, activation="sigmoid", name="gender")(x)
model = keras.Model(inputs, [age_out, gender_out])
model.compile(optimizer="adam", loss={"age": "mse", "gender": "binary_crossentropy"})
targets = {"age_output": ages, "gender_output": genders}
model.fit(faces, targets, epochs=1, batch_size=20, verbose=0)
