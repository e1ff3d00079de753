import numpy as np
import keras
from keras import layers

IMG_SIZE = 24
# Photos read in colour (each (24, 24, 3)), two classes; the reshape was copied from a grayscale tutorial.
training_data = [(np.random.rand(IMG_SIZE, IMG_SIZE, 3), i % 2) for i in range(40)]
X = [features for features, label in training_data]
y = np.array([label for features, label in training_data])
X = np.array(X).reshape(-1, IMG_SIZE, IMG_SIZE, 1)
X = X / 255.0

model = keras.Sequential()
model.add(layers.Conv2D(16, (3, 3), activation="relu", input_shape=X.shape[1:]))
model.add(layers.MaxPooling2D(pool_size=(2, 2)))
model.add(layers.Flatten())
model.add(layers.Dense(16, activation="relu"))
model.add(layers.Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X, y, batch_size=8, epochs=1, verbose=0)
