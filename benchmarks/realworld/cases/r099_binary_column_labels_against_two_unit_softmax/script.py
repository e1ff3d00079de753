import numpy as np
from keras.layers import Conv2D, Dense, Flatten, MaxPooling2D
from keras.models import Sequential

# 2592 small grayscale patches, binary label 0/1 per patch
X_train = np.random.rand(2592, 32, 32, 1).astype("float32")
Y_train = np.random.randint(0, 2, size=(2592, 1))

model = Sequential()
model.add(Conv2D(16, (3, 3), activation="relu", input_shape=(32, 32, 1)))
model.add(MaxPooling2D((2, 2)))
model.add(Flatten())
model.add(Dense(32, activation="relu"))
model.add(Dense(2, activation="softmax"))
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(X_train, Y_train, batch_size=128, epochs=1, verbose=0)
