import numpy as np
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Flatten, Dense

X = np.random.rand(120, 28, 28, 1).astype("float32")
y = np.random.randint(0, 10, size=(120,))

s = np.shape(X)
model = Sequential()
model.add(Conv2D(10, kernel_size=(5, 5), activation="relu", input_shape=s))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Flatten())
model.add(Dense(10, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(X, y, epochs=1, batch_size=20, verbose=0)
