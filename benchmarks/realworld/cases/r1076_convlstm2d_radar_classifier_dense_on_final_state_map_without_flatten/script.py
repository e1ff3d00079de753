import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(11)
timesteps, height, width, channels = 4, 16, 16, 1
num_classes = 3

radar = rng.random((48, timesteps, height, width, channels)).astype("float32")
storm_type = keras.utils.to_categorical(rng.integers(0, num_classes, size=48), num_classes)

model = keras.Sequential()
model.add(keras.Input(shape=(timesteps, height, width, channels)))
model.add(layers.ConvLSTM2D(filters=8, kernel_size=(3, 3), padding="same", return_sequences=False))
model.add(layers.BatchNormalization())
model.add(layers.Dense(num_classes, activation="softmax"))
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(radar, storm_type, batch_size=8, epochs=2, verbose=0)
print(model.output_shape)
