import numpy as np
import keras
from keras import layers

X = np.random.rand(60, 28, 28, 1).astype("float32")
y = np.random.randint(0, 10, size=(60,))

s = np.shape(X)
model = keras.Sequential()
model.add(layers.Conv2D(10, kernel_size=(5, 5), activation="relu", input_shape=s))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Flatten())
model.add(layers.Dense(10, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(X, y, epochs=1, batch_size=16, verbose=0)
