import numpy as np
import keras
from keras import layers

# Face attributes (UTKFace-like): age (regression), gender (2 ids), race (5 ids) from one CNN.
GENDERS = ["male", "female"]
RACES = ["white", "black", "asian", "indian", "others"]
faces = np.random.rand(40, 24, 24, 3).astype("float32")
ages = np.random.uniform(1, 90, size=(40, 1)).astype("float32")
genders = np.random.randint(0, len(GENDERS), size=(40,))
races = np.random.randint(0, len(RACES), size=(40,))

inputs = keras.Input(shape=(24, 24, 3))
x = layers.Conv2D(16, 3, activation="relu")(inputs)
x = layers.MaxPooling2D(2)(x)
x = layers.Flatten()(x)
x = layers.Dense(64, activation="relu")(x)
age_out = layers.Dense(1, name="age")(x)
gender_out = layers.Dense(len(GENDERS), activation="softmax", name="gender")(x)
race_out = layers.Dense(len(GENDERS), activation="softmax", name="race")(x)
model = keras.Model(inputs, [age_out, gender_out, race_out])
model.compile(optimizer="adam", loss=["mse", "sparse_categorical_crossentropy", "sparse_categorical_crossentropy"])
model.fit(faces, [ages, genders, races], epochs=1, batch_size=8, verbose=0)
