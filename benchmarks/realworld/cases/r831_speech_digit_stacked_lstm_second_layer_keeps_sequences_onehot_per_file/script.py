import numpy as np
import keras
from keras import layers

n_frames, n_mfcc, n_digits = 40, 13, 10
hidden_units = 32

rng = np.random.default_rng(1540)
X_train = rng.normal(size=(120, n_frames, n_mfcc)).astype("float32")
y_train = keras.utils.to_categorical(rng.integers(0, n_digits, size=120), n_digits)
X_test = rng.normal(size=(30, n_frames, n_mfcc)).astype("float32")
y_test = keras.utils.to_categorical(rng.integers(0, n_digits, size=30), n_digits)
print("X_train shape:", X_train.shape, "y_train shape:", y_train.shape)

model = keras.Sequential()
model.add(keras.Input(shape=(n_frames, n_mfcc)))
model.add(layers.LSTM(hidden_units, return_sequences=True))
model.add(layers.LSTM(hidden_units, return_sequences=True))
model.add(layers.Dense(n_digits))
model.add(layers.Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer=keras.optimizers.SGD(0.01), metrics=["accuracy"])

model.fit(X_train, y_train, batch_size=5, epochs=1, verbose=0)
score = model.evaluate(X_test, y_test, verbose=0)
print("test loss / accuracy:", score)
