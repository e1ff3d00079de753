import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(3)
seq_len, vocab, n_tags = 24, 300, 6
docs = rng.integers(1, vocab, size=(160, seq_len))
tags = (rng.random((160, n_tags)) > 0.7).astype("float32")

pooling = "concat"


def conv_block(t):
    width = t.shape[-1]
    h = layers.Conv1D(width, 3, padding="same", activation="relu")(t)
    h = layers.LayerNormalization()(h)
    return layers.add([t, h])


tokens = keras.Input(shape=(seq_len,))
h = layers.Embedding(vocab, 32)(tokens)
for _ in range(2):
    h = conv_block(h)
if pooling == "max":
    h = layers.GlobalMaxPooling1D()(h)
elif pooling == "concat":
    h = layers.Lambda(lambda t: tf.concat(t, axis=1))(h)
h = layers.Dense(16, activation="relu")(h)
tag_probs = layers.Dense(n_tags, activation="sigmoid")(h)
tagger = keras.Model(tokens, tag_probs)
tagger.compile(optimizer="adam", loss="binary_crossentropy")

tagger.fit(docs, tags, batch_size=16, epochs=2, verbose=0)
print("trained")
