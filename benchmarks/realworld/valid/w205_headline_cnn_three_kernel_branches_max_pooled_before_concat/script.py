import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(22)
headline_len = 30
vocab_size = 700

headlines = rng.integers(1, vocab_size, size=(96, headline_len))
is_clickbait = rng.integers(0, 2, size=96)

tokens_in = keras.Input(shape=(headline_len,), dtype="int32")
word_vecs = layers.Embedding(vocab_size, 20)(tokens_in)

pooled = []
for width in (2, 3, 4):
    feature_map = layers.Conv1D(16, width, activation="relu")(word_vecs)
    pooled.append(layers.GlobalMaxPooling1D()(feature_map))

joined = layers.Concatenate()(pooled)
joined = layers.Dropout(0.2)(joined)
score = layers.Dense(1, activation="sigmoid")(joined)

headline_model = keras.Model(tokens_in, score)
headline_model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
headline_model.fit(headlines, is_clickbait, batch_size=16, epochs=2, verbose=0)
print(headline_model.evaluate(headlines, is_clickbait, verbose=0))
