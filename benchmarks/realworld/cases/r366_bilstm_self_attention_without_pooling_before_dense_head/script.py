"""Review sentiment classifier: Embedding -> BiLSTM -> self-attention -> Dense,
trained on one-hot labels (negative / positive)."""
import numpy as np
import keras
from keras import layers

vocab, max_len = 1000, 30
rng = np.random.default_rng(13)
x = rng.integers(1, vocab, size=(320, max_len))
y = keras.utils.to_categorical(rng.integers(0, 2, 320), 2)   # (320, 2)

tokens = keras.Input(shape=(max_len,))
h = layers.Embedding(vocab, 32, mask_zero=True)(tokens)
h = layers.Bidirectional(layers.LSTM(16, return_sequences=True))(h)
h = layers.Attention()([h, h])                   # self-attention: same shape as its input
outputs = layers.Dense(2, activation="softmax")(h)
model = keras.Model(tokens, outputs)

model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["categorical_accuracy"])
model.fit(x, y, batch_size=32, epochs=2, verbose=0)
