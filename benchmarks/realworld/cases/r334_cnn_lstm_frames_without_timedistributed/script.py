"""CNN + LSTM digit reader: each sample is 4 image strips, but the convolutions are not wrapped per step."""
import numpy as np
import keras
from keras import layers

nb_filters = 32
kernel_size = (3, 3)
pool_size = (2, 2)
nb_classes = 10
time_steps = 4

rng = np.random.default_rng(13)
X_train = rng.random((128, time_steps, 56, 14, 1)).astype("float32")
Y_train = keras.utils.to_categorical(rng.integers(0, nb_classes, 128), nb_classes)

model = keras.Sequential()
model.add(keras.Input(shape=(56, 14, 1)))
model.add(layers.Conv2D(nb_filters, kernel_size, padding="valid"))
model.add(layers.Activation("relu"))
model.add(layers.Conv2D(nb_filters, kernel_size))
model.add(layers.Activation("relu"))
model.add(layers.MaxPooling2D(pool_size=pool_size))
model.add(layers.Flatten())
model.add(layers.Dropout(0.25))
model.add(layers.LSTM(5))
model.add(layers.Dense(50))
model.add(layers.Dense(nb_classes))
model.add(layers.Activation("softmax"))

model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X_train, Y_train, batch_size=32, epochs=1, verbose=0)
