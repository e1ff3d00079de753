import numpy as np
from keras.models import Sequential
from keras.layers import Input, Conv2D, MaxPooling2D, Flatten, Dense

training_data = np.random.rand(80, 16, 1, 1).astype("float32")
training_labels = np.random.randint(0, 2, size=(80,))

model = Sequential()
model.add(Input(shape=(16, 1, 1)))
model.add(Conv2D(64, (1, 1), activation="relu"))
model.add(MaxPooling2D(pool_size=(1, 1)))
model.add(Flatten())
model.add(Dense(64, activation="relu"))
model.add(Dense(1, activation="softmax"))
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(training_data, training_labels, epochs=1, batch_size=8, verbose=0)
