import numpy as np
import keras
from keras import layers

# Signal windows (80 steps, 1 channel) with one-hot labels over 6 classes.
X_train = np.random.rand(96, 80, 1).astype("float32")
y_train = keras.utils.to_categorical(np.random.randint(0, 6, size=(96,)), 6)
n_timesteps, n_features, n_outputs = X_train.shape[1], X_train.shape[2], y_train.shape[0]

model = keras.Sequential()
model.add(keras.Input(shape=(n_timesteps, n_features)))
model.add(layers.Conv1D(filters=16, kernel_size=3, activation="relu"))
model.add(layers.GlobalAveragePooling1D())
model.add(layers.Dense(32, activation="relu"))
model.add(layers.Dense(n_outputs, activation="softmax"))
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=1, batch_size=16, verbose=0)
