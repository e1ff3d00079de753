import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Reshape, Conv2D, MaxPooling2D, Dropout, Flatten, Dense
from tensorflow.keras.utils import to_categorical

# 57x47 grayscale faces stored as flat rows of 2679 pixels, 40 people.
x_train = np.random.rand(80, 2679).astype("float32")
y_train = to_categorical(np.random.randint(0, 40, size=80), 40)

model = Sequential()
model.add(Reshape((57, 47), input_shape=(2679,)))
model.add(Conv2D(10, (5, 5), padding="same", activation="relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Dropout(0.5))
model.add(Conv2D(15, (5, 5), padding="same", activation="relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Flatten())
model.add(Dense(200, activation="tanh"))
model.add(Dense(40, activation="softmax"))
model.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=16, epochs=1, verbose=0)
