import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(42)
min_note, max_note = 36, 81
n_notes = max_note - min_note + 2  # notes plus 0 for silence

chorales = rng.integers(min_note, max_note + 1, size=(40, 68, 4))
chorales[rng.random(chorales.shape) < 0.05] = 0


def preprocess(chorale_windows):
    shifted = np.where(chorale_windows == 0, 0, chorale_windows - min_note + 1)
    return shifted.reshape(len(shifted), -1)


window_size, window_shift = 8, 4
windows = np.array([c[i:i + window_size + 1]
                    for c in chorales
                    for i in range(0, len(c) - window_size, window_shift)])
batch = preprocess(windows)
X_train, Y_train = batch[:, :-1], batch[:, 1:]

n_embedding_dims = 5
model = keras.Sequential([
    keras.Input(shape=[None]),
    layers.Embedding(input_dim=n_notes, output_dim=n_embedding_dims),
    layers.Conv1D(32, kernel_size=2, padding="causal", activation="relu"),
    layers.BatchNormalization(),
    layers.Conv1D(48, kernel_size=2, padding="causal", activation="relu", dilation_rate=2),
    layers.BatchNormalization(),
    layers.Conv1D(64, kernel_size=2, activation="relu", dilation_rate=4),
    layers.BatchNormalization(),
    layers.Conv1D(96, kernel_size=2, padding="causal", activation="relu", dilation_rate=8),
    layers.BatchNormalization(),
    layers.LSTM(64, return_sequences=True),
    layers.Dense(n_notes, activation="softmax"),
])
optimizer = keras.optimizers.Nadam(learning_rate=1e-3)
model.compile(loss="sparse_categorical_crossentropy", optimizer=optimizer,
              metrics=["accuracy"])
model.fit(X_train, Y_train, batch_size=32, epochs=2, verbose=0)
print("windows:", X_train.shape, "accuracy:", model.evaluate(X_train, Y_train, verbose=0)[1])
