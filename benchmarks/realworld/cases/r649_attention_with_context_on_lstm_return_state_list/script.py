# Review classifier with attention pooling (Yang et al.'s attention with a learned
# context vector) over the LSTM hidden states. To feed the attention layer "the hidden
# states" instead of the outputs, the LSTM was switched to return_state=True.
import numpy as np
import keras
from keras import layers, ops

MAX_LEN, VOCAB = 40, 800


class AttentionWithContext(layers.Layer):
    """Scores each time step against a context vector and returns the weighted sum."""

    def build(self, input_shape):
        dim = input_shape[-1]
        self.W = self.add_weight(shape=(dim, dim), initializer="glorot_uniform", name="W")
        self.b = self.add_weight(shape=(dim,), initializer="zeros", name="b")
        self.u = self.add_weight(shape=(dim,), initializer="glorot_uniform", name="u")

    def call(self, h):
        uit = ops.tanh(ops.matmul(h, self.W) + self.b)
        ait = ops.softmax(ops.tensordot(uit, self.u, axes=1), axis=1)
        return ops.sum(h * ops.expand_dims(ait, -1), axis=1)


tokens = keras.Input(shape=(MAX_LEN,))
x = layers.Embedding(VOCAB, 32)(tokens)
my_lstm = layers.LSTM(64, return_state=True)(x)
my_lstm = AttentionWithContext()(my_lstm)
out = layers.Dense(2, activation="softmax")(my_lstm)
model = keras.Model(tokens, out)
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])

rng = np.random.default_rng(7632)
reviews = rng.integers(1, VOCAB, size=(64, MAX_LEN))
sentiment = keras.utils.to_categorical(rng.integers(0, 2, size=64), 2)
model.fit(reviews, sentiment, batch_size=16, epochs=1, verbose=0)
