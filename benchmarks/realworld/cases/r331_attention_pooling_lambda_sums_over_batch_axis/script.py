"""Attention on top of an LSTM for 3-class text classification; the weighted steps are summed on axis 0."""
import numpy as np
import keras
from keras import layers, ops

units = 64
max_length = 50
vocab_size = 2000
n_classes = 3

rng = np.random.default_rng(10)
x_train = rng.integers(1, vocab_size, size=(96, max_length))
y_train = keras.utils.to_categorical(rng.integers(0, n_classes, 96), n_classes)

_input = keras.Input(shape=(max_length,), dtype="int32")
embedded = layers.Embedding(vocab_size, 100)(_input)
activations = layers.LSTM(units, return_sequences=True)(embedded)

attention = layers.TimeDistributed(layers.Dense(1, activation="tanh"))(activations)
attention = layers.Flatten()(attention)
attention = layers.Activation("softmax")(attention)
attention = layers.RepeatVector(units)(attention)
attention = layers.Permute([2, 1])(attention)

sent_representation = layers.Multiply()([activations, attention])
sent_representation = layers.Lambda(lambda xin: ops.sum(xin, axis=0))(sent_representation)

probabilities = layers.Dense(n_classes, activation="softmax")(sent_representation)
model = keras.Model(inputs=_input, outputs=probabilities)
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=16, epochs=1, verbose=0)
