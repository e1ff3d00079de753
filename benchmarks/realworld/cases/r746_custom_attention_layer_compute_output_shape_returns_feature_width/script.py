# Attention-weighted average of LSTM states for review classification: a custom layer
# scores every time step (one weight per step, softmax over time); the weights are
# repeated across the feature axis, multiplied with the LSTM states and summed over time.
import numpy as np
import keras
from keras import layers, ops

MAXLEN, VOCAB, UNITS = 100, 2000, 64


class AttentionScores(layers.Layer):
    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1], 1), initializer="glorot_uniform")

    def call(self, hidden):
        scores = ops.squeeze(ops.tanh(ops.matmul(hidden, self.w)), axis=-1)
        return ops.softmax(scores, axis=-1)

    def compute_output_shape(self, input_shape):
        return (input_shape[0], input_shape[-1])


tokens = keras.Input(shape=(MAXLEN,), dtype="int32")
hidden = layers.LSTM(UNITS, return_sequences=True)(layers.Embedding(VOCAB, 32)(tokens))
weights = AttentionScores()(hidden)
weights = layers.Permute((2, 1))(layers.RepeatVector(UNITS)(weights))
weighted = layers.Multiply()([weights, hidden])
summary = layers.Lambda(lambda t: ops.sum(t, axis=1))(weighted)
probs = layers.Dense(1, activation="sigmoid")(summary)
classifier = keras.Model(tokens, probs)
classifier.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])

rng = np.random.default_rng(6179)
reviews = rng.integers(1, VOCAB, size=(64, MAXLEN))
sentiment = rng.integers(0, 2, size=(64, 1))
classifier.fit(reviews, sentiment, batch_size=16, epochs=1, verbose=0)
print(classifier.predict(reviews[:2], verbose=0).ravel())
