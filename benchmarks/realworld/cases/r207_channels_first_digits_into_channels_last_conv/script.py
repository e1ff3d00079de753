import numpy as np
from keras.models import Sequential
from keras.layers import Convolution2D, MaxPooling2D, Flatten, Dense

# digits stored channels-first, as (samples, channels, rows, cols)
x_train = np.random.rand(64, 1, 28, 28).astype("float32")
y_train = np.random.randint(0, 10, size=(64,))

model = Sequential()
model.add(Convolution2D(32, (3, 3), activation="relu", input_shape=(1, 28, 28)))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Flatten())
model.add(Dense(128, activation="relu"))
model.add(Dense(10, activation="softmax"))
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=32, epochs=1, verbose=0)
