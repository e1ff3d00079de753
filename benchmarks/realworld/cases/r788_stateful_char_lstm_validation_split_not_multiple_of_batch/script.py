# Stateful next-character model: windows of 20 one-hot characters (16 symbols) are
# fed in fixed batches of 32 so the recurrent state carries over between batches.
# 800 windows are available; 10% are held out with validation_split.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(4)
n_windows, steps, n_chars, batch_size = 800, 20, 16, 32

ids = rng.integers(0, n_chars, size=(n_windows, steps + 1))
X = np.eye(n_chars, dtype="float32")[ids[:, :-1]]        # (800, 20, 16)
y = np.eye(n_chars, dtype="float32")[ids[:, -1]]         # (800, 16)

char_model = keras.Sequential([
    keras.Input(batch_shape=(batch_size, steps, n_chars)),
    layers.LSTM(64, stateful=True),
    layers.Dense(n_chars, activation="softmax"),
])
char_model.compile(optimizer="rmsprop", loss="categorical_crossentropy")

char_model.fit(X, y, batch_size=batch_size, epochs=1, shuffle=False, validation_split=0.1, verbose=0)
char_model.layers[0].reset_states()
print("trained")
