import numpy as np
from keras.models import Sequential
from keras.layers import Dense

X_train = np.random.randint(0, 255, size=(300, 28, 28)).astype("float32") / 255
y_train = np.random.randint(0, 10, size=(300,))

model = Sequential()
model.add(Dense(512, activation="relu", input_shape=(28, 28)))
model.add(Dense(10, activation="softmax"))
model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=1, batch_size=60, verbose=0)
