import numpy as np
import keras
from keras import layers, ops


class AttentionPooling(layers.Layer):
    """Additive attention over the time steps of a recurrent encoder."""

    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1],), initializer="glorot_uniform", name="w")

    def call(self, x):
        scores = ops.tanh(ops.tensordot(x, self.w, axes=1))  # (batch, steps)
        weights = ops.softmax(scores, axis=-1)
        weighted = x * weights
        return ops.sum(weighted, axis=1)


maxlen, vocab = 50, 1000
rng = np.random.default_rng(2)
x = rng.integers(1, vocab, size=(256, maxlen))
y = rng.integers(0, 2, size=(256,)).astype("float32")

inputs = keras.Input(shape=(maxlen,), dtype="int32")
h = layers.Embedding(vocab, 32)(inputs)
h = layers.Bidirectional(layers.LSTM(32, return_sequences=True))(h)
sentence = AttentionPooling()(h)
outputs = layers.Dense(1, activation="sigmoid")(sentence)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(x, y, epochs=1, batch_size=32, verbose=0)
