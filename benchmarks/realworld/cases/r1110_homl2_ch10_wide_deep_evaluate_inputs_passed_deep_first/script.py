import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(42)
X = rng.normal(size=(1000, 8)).astype(np.float32)
y = (X[:, 0] * 0.8 + X[:, 3] - 0.5 * X[:, 7]
     + 0.1 * rng.normal(size=1000)).reshape(-1, 1).astype(np.float32)
X_train, X_valid, X_test = X[:700], X[700:850], X[850:]
y_train, y_valid, y_test = y[:700], y[700:850], y[850:]

input_A = keras.Input(shape=[5], name="wide_input")
input_B = keras.Input(shape=[6], name="deep_input")
hidden1 = layers.Dense(30, activation="relu")(input_B)
hidden2 = layers.Dense(30, activation="relu")(hidden1)
concat = layers.concatenate([input_A, hidden2])
output = layers.Dense(1, name="output")(concat)
model = keras.Model(inputs=[input_A, input_B], outputs=[output])

model.compile(loss="mse", optimizer=keras.optimizers.SGD(learning_rate=1e-3))

X_train_A, X_train_B = X_train[:, :5], X_train[:, 2:]
X_valid_A, X_valid_B = X_valid[:, :5], X_valid[:, 2:]
X_test_A, X_test_B = X_test[:, :5], X_test[:, 2:]
X_new_A, X_new_B = X_test_A[:3], X_test_B[:3]

history = model.fit((X_train_A, X_train_B), y_train, epochs=2, verbose=0,
                    validation_data=((X_valid_A, X_valid_B), y_valid))
mse_test = model.evaluate((X_test_B, X_test_A), y_test, verbose=0)
y_pred = model.predict((X_new_A, X_new_B), verbose=0)
print("test mse:", mse_test, "predictions:", y_pred.ravel())
