import numpy as np
from keras.models import Sequential
from keras.layers import Dense

# 200 samples of 20 sensor readings, 7 activity classes labelled 0..6
x_train = np.random.rand(200, 20).astype("float32")
y_train = np.arange(200) % 7

model = Sequential()
model.add(Dense(64, activation="relu", input_shape=(20,)))
model.add(Dense(32, activation="relu"))
model.add(Dense(1, activation="softmax"))

model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=32, epochs=1, verbose=0)
