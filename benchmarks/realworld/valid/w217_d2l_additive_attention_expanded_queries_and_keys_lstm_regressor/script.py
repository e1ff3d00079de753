import numpy as np
import tensorflow as tf
import keras
from keras import layers

steps, channels, units = 15, 3, 20
rng = np.random.default_rng(22)
series = rng.normal(size=(240, steps, channels)).astype("float32")
target = series[:, -5:, 0].mean(axis=1, keepdims=True).astype("float32")


class BahdanauScoring(layers.Layer):
    """Additive attention: every query is scored against every key."""

    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.key_proj = layers.Dense(units, use_bias=False)
        self.query_proj = layers.Dense(units, use_bias=False)
        self.score_proj = layers.Dense(1, use_bias=False)

    def call(self, queries, keys, values):
        q, k = self.query_proj(queries), self.key_proj(keys)
        # (batch, queries, 1, units) + (batch, 1, keys, units)
        features = tf.nn.tanh(tf.expand_dims(q, axis=2) + tf.expand_dims(k, axis=1))
        scores = tf.squeeze(self.score_proj(features), axis=-1)
        weights = tf.nn.softmax(scores, axis=-1)
        return tf.matmul(weights, values)


class AttentiveLSTMRegressor(keras.Model):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.lstm = layers.LSTM(units, return_sequences=True, return_state=True)
        self.attention = BahdanauScoring(units)
        self.out = layers.Dense(1)

    def call(self, x):
        seq, h_last, _ = self.lstm(x)
        query = tf.expand_dims(h_last, axis=1)
        context = self.attention(query, seq, seq)
        return self.out(tf.squeeze(context, axis=1))


model = AttentiveLSTMRegressor(units)
model.compile(optimizer="adam", loss="mse", metrics=["mae"])
model.fit(series, target, batch_size=24, epochs=2, verbose=0)
print("mae:", model.evaluate(series, target, verbose=0)[1])
