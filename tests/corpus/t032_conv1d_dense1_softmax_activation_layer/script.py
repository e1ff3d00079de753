import numpy as np
from tensorflow import keras
from tensorflow.keras.layers import Activation, BatchNormalization, Conv1D, Dense, Flatten, LeakyReLU

# Price windows (10 steps x 4 features) -> will the price go up (1) or not (0)?
X_train = np.random.rand(64, 10, 4).astype("float32")
y_train = np.random.randint(0, 2, size=(64, 1))

model = keras.Sequential()
model.add(keras.Input(shape=(10, 4)))
model.add(Conv1D(16, 4, padding="same"))
model.add(BatchNormalization())
model.add(LeakyReLU())
model.add(Flatten())
model.add(Dense(64))
model.add(Dense(1))
model.add(Activation("softmax"))
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=1, batch_size=16, verbose=0)
