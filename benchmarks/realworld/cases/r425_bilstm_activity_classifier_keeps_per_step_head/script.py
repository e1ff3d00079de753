import numpy as np
import keras
from keras import layers

timesteps, n_features, n_classes = 24, 9, 6
rng = np.random.default_rng(12)
windows = rng.normal(size=(102, timesteps, n_features)).astype("float32")
activity = rng.integers(0, n_classes, size=(102,))
y_train = keras.utils.to_categorical(activity, n_classes)

model = keras.Sequential([
    keras.Input(shape=(timesteps, n_features)),
    layers.Bidirectional(layers.LSTM(32, return_sequences=True)),
    layers.Dropout(0.3),
    layers.Bidirectional(layers.LSTM(16, return_sequences=True)),
    layers.TimeDistributed(layers.Dense(n_classes, activation="softmax")),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(windows, y_train, epochs=1, batch_size=16, verbose=0)
