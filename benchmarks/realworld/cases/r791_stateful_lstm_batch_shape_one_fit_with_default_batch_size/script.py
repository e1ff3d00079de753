# Stateful sequence-to-sequence LSTM in the style of the Hands-On ML stateful RNN:
# the model is declared with a fixed batch of 1 so that each sequence's state can be
# carried into the next call, and it predicts 5 values at every one of 10 steps.
import numpy as np
import keras

rng = np.random.default_rng(8)
X_train = rng.random((100, 10, 3)).astype("float32")
y_train = rng.random((100, 10, 5)).astype("float32")

stateful_model = keras.Sequential([
    keras.layers.Input(batch_shape=[1, 10, 3]),
    keras.layers.LSTM(10, return_sequences=True, stateful=True),
    keras.layers.LSTM(10, return_sequences=True, stateful=True),
    keras.layers.Dense(5),
])
stateful_model.compile(loss="mse", optimizer="sgd")
stateful_model.fit(X_train, y_train, epochs=1, verbose=0)
print(stateful_model.predict(X_train[:1], verbose=0).shape)
