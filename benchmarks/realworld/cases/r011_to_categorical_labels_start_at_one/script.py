import numpy as np
from keras.models import Sequential
from keras.layers import Dense, Dropout
from keras.utils import to_categorical

# 14 activity classes numbered 1..14, 20 sensor features.
x_train = np.random.rand(280, 20).astype("float32")
y_train = np.random.randint(1, 15, size=(280,))
y_train = to_categorical(y_train)

model = Sequential()
model.add(Dense(64, activation="relu", input_shape=(20,)))
model.add(Dropout(0.2))
model.add(Dense(14, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=1, batch_size=40, verbose=0)
