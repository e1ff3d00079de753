import numpy as np
import keras
from keras import layers

# Sensor windows stored as (samples, channels, timesteps): 3 axes x 200 readings.
data = np.random.rand(30, 3, 200).astype("float32")
label = np.random.randint(0, 2, size=(30,)).astype("float32")

model = keras.Sequential()
model.add(keras.Input(shape=(200, 3)))
model.add(layers.LSTM(32))
model.add(layers.Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(data, label, batch_size=10, epochs=1, verbose=0)
