import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Conv2D, MaxPooling2D, Flatten, Dense

# Grayscale digits: 28x28 pixels, no colour axis.
x_train = np.random.rand(60, 28, 28).astype("float32")
y_train = np.random.randint(0, 10, size=(60,))

model = Sequential()
model.add(Conv2D(16, (3, 3), activation="relu", input_shape=(28, 28)))
model.add(MaxPooling2D((2, 2)))
model.add(Flatten())
model.add(Dense(10, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=1, batch_size=20, verbose=0)
