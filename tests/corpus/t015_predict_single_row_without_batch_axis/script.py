import numpy as np
import keras
from keras import layers

# Pima-style diabetes table: 8 clinical measurements per patient.
x_train = np.random.rand(64, 8).astype("float32")
y_train = np.random.randint(0, 2, size=(64,))

model = keras.Sequential()
model.add(keras.Input(shape=(8,)))
model.add(layers.Dense(12, activation="relu"))
model.add(layers.Dense(8, activation="relu"))
model.add(layers.Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=1, batch_size=16, verbose=0)

# One new patient typed in by hand.
new_patient = np.array([6.0, 148.0, 72.0, 35.0, 0.0, 33.6, 0.627, 50.0], dtype="float32")
risk = model.predict(new_patient, verbose=0)
print(risk)
