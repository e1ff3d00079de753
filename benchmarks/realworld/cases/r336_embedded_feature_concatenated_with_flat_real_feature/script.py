"""Embedded categorical feature and a real-valued feature concatenated as the input of an LSTM."""
import numpy as np
import keras
from keras import layers

n_samples = 240
n_categories = 20

rng = np.random.default_rng(16)
a_data = rng.integers(0, n_categories, size=(n_samples, 1))
b_data = rng.normal(size=(n_samples, 1)).astype("float32")
y_data = rng.integers(0, 2, size=(n_samples, 1)).astype("float32")

a = keras.Input(shape=(1,), dtype="int32", name="a")
b = keras.Input(shape=(1,), name="b")
a_embedded = layers.Embedding(input_dim=n_categories, output_dim=8)(a)
merged = layers.Concatenate(axis=-1)([a_embedded, b])
lstm_out = layers.LSTM(16)(merged)
output = layers.Dense(1, activation="sigmoid")(lstm_out)

model = keras.Model(inputs=[a, b], outputs=output)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit([a_data, b_data], y_data, epochs=2, batch_size=16, verbose=0)
