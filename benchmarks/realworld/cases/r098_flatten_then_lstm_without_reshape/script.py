import numpy as np
from keras.layers import LSTM, Conv2D, Dense, Flatten, MaxPooling2D
from keras.models import Sequential

images = np.random.rand(20, 64, 64, 3).astype("float32")
labels = np.eye(10)[np.random.randint(0, 10, size=20)]

model = Sequential()
model.add(Conv2D(32, (3, 3), activation="relu", input_shape=(64, 64, 3)))
model.add(MaxPooling2D((2, 2)))
model.add(Conv2D(64, (3, 3), activation="relu"))
model.add(MaxPooling2D((2, 2)))
model.add(Conv2D(128, (3, 3), activation="relu"))
model.add(MaxPooling2D((2, 2)))
model.add(Flatten())
model.add(LSTM(64))
model.add(Dense(10, activation="softmax"))
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(images, labels, batch_size=5, epochs=1, verbose=0)
