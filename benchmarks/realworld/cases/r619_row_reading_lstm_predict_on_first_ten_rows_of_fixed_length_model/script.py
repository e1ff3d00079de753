# Digit classifier that reads a 28x28 image row by row with stacked LSTMs (MNIST-style
# RNN example, functional API). After training, the model is asked what it predicts
# when it has only seen the first rows of a test image.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(15797)
x_train = rng.random((240, 28, 28)).astype("float32")
y_train = rng.integers(0, 10, size=240)
x_test = rng.random((20, 28, 28)).astype("float32")

rows = keras.Input(shape=x_train.shape[1:])
x = layers.LSTM(32, return_sequences=True)(rows)
x = layers.Dropout(0.2)(x)
x = layers.LSTM(32)(x)
x = layers.Dense(16, activation="relu")(x)
digit = layers.Dense(10, activation="softmax")(x)
model = keras.Model(rows, digit)
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=1, batch_size=32, verbose=0)

partial = model.predict(x_test[0:1, :10, :], verbose=0)
print("after 10 rows:", partial.argmax(axis=-1))
