import numpy as np
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Dropout, Flatten, Dense

X_train = np.random.rand(60, 1, 28, 28).astype("float32")
Y_train = np.random.randint(0, 10, size=(60,))

model = Sequential()
model.add(Conv2D(32, (3, 3), activation="relu", input_shape=(1, 28, 28)))
model.add(Conv2D(32, (3, 3), activation="relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Dropout(0.25))
model.add(Flatten())
model.add(Dense(128, activation="relu"))
model.add(Dense(10, activation="softmax"))
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
model.fit(X_train, Y_train, batch_size=20, epochs=1, verbose=0)
