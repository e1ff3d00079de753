import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(7)
X_train = rng.random((600, 80, 1)).astype("float32")
y_train = keras.utils.to_categorical(rng.integers(0, 8, 600), 8)

n_timesteps, n_features, n_outputs = X_train.shape[1], X_train.shape[2], y_train.shape[0]

model = keras.Sequential([
    keras.Input(shape=(n_timesteps, n_features)),
    layers.Conv1D(16, 3, activation="relu"),
    layers.GlobalAveragePooling1D(),
    layers.Dense(64, activation="relu"),
    layers.Dropout(0.2),
    layers.Dense(n_outputs, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=1, batch_size=32, verbose=0)
