import numpy as np
import keras
from keras import layers

# Hand-sign photos (digits 0..5); the labels file stores them one-hot, six columns.
train_x = np.random.rand(60, 32, 32, 3).astype("float32")
train_y = np.eye(6)[np.random.randint(0, 6, size=60)]

model = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Flatten(),
    layers.Dense(64, activation="relu"),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(train_x, train_y, epochs=1, batch_size=12, verbose=0)
