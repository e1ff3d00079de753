# Frame classifier: windows of 10 MFCC frames (13 coefficients) -> one of 40 senone labels, two stacked LSTM layers.
import numpy as np
from keras.models import Sequential
from keras.layers import LSTM, Dense, Activation

time_step, n_mfcc, n_labels = 10, 13, 40

rng = np.random.default_rng(3522)
X_train = rng.normal(size=(400, time_step, n_mfcc)).astype("float32")
y_train = rng.integers(0, n_labels, size=400)

model = Sequential()
model.add(LSTM(128, input_shape=(time_step, n_mfcc)))
model.add(LSTM(128))
model.add(Dense(n_labels))
model.add(Activation("softmax"))
model.compile(loss="sparse_categorical_crossentropy", optimizer="rmsprop", metrics=["accuracy"])
model.fit(X_train, y_train, batch_size=32, epochs=2, verbose=0)
print(model.evaluate(X_train, y_train, verbose=0))
