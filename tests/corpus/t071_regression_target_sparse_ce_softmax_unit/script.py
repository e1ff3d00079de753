import numpy as np
import keras
from keras import layers

# Year -> population of one country: a regression target in the hundreds of millions.
years = np.arange(1960, 2020, dtype="float32").reshape(-1, 1)
population = np.random.uniform(6.5e8, 1.4e9, size=(60,)).astype("float32")

model = keras.Sequential([
    keras.Input(shape=(1,)),
    layers.Dense(10, activation="relu"),
    layers.Dense(32, activation="relu"),
    layers.Dense(1, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(years, population, epochs=1, batch_size=10, verbose=0)
