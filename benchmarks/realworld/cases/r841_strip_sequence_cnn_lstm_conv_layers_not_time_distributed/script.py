import numpy as np
import keras
from keras import layers

time_steps, rows, cols = 4, 28, 14
nb_filters, kernel_size, pool_size = 16, (3, 3), (2, 2)
nb_classes = 10

# each sample: a digit image cut into 4 vertical strips that are shown one after the other
rng = np.random.default_rng(4172)
x_train = rng.random((96, time_steps, rows, cols, 1)).astype("float32")
y_train = keras.utils.to_categorical(rng.integers(0, nb_classes, size=96), nb_classes)

model = keras.Sequential()
model.add(keras.Input(shape=(time_steps, rows, cols, 1)))
model.add(layers.Conv2D(nb_filters, kernel_size, activation="relu"))
model.add(layers.Conv2D(nb_filters, kernel_size, activation="relu"))
model.add(layers.MaxPooling2D(pool_size=pool_size))
model.add(layers.Flatten())
model.add(layers.Dropout(0.25))
model.add(layers.LSTM(5))
model.add(layers.Dense(50))
model.add(layers.Dense(nb_classes, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adadelta", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=16, epochs=1, verbose=0)
print("trained")
