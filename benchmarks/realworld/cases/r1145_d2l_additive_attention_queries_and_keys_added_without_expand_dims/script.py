import numpy as np
import tensorflow as tf
import keras
from keras import layers

num_steps, num_features, num_hiddens = 12, 4, 16
rng = np.random.default_rng(7)
X_train = rng.normal(size=(256, num_steps, num_features)).astype("float32")
y_train = (X_train[:, :, 1].mean(axis=1) > 0).astype("int32")


class AdditiveAttention(layers.Layer):
    """Additive (Bahdanau) attention scoring (d2l, section 11.3)."""

    def __init__(self, num_hiddens, dropout, **kwargs):
        super().__init__(**kwargs)
        self.W_k = layers.Dense(num_hiddens, use_bias=False)
        self.W_q = layers.Dense(num_hiddens, use_bias=False)
        self.w_v = layers.Dense(1, use_bias=False)
        self.dropout = layers.Dropout(dropout)

    def call(self, queries, keys, values, training=None):
        queries, keys = self.W_q(queries), self.W_k(keys)
        features = queries + keys
        features = tf.nn.tanh(features)
        scores = tf.squeeze(self.w_v(features), axis=-1)
        self.attention_weights = tf.nn.softmax(scores, axis=-1)
        return tf.matmul(self.dropout(self.attention_weights, training=training),
                         values)


class AttentionGRUClassifier(keras.Model):
    def __init__(self, num_hiddens, **kwargs):
        super().__init__(**kwargs)
        self.rnn = layers.GRU(num_hiddens, return_sequences=True, return_state=True)
        self.attention = AdditiveAttention(num_hiddens, 0.1)
        self.head = layers.Dense(1, activation="sigmoid")

    def call(self, X, training=None):
        enc_outputs, hidden_state = self.rnn(X)
        # the last hidden state is the query: (batch_size, 1, num_hiddens)
        query = tf.expand_dims(hidden_state, axis=1)
        context = self.attention(query, enc_outputs, enc_outputs, training=training)
        return self.head(tf.squeeze(context, axis=1))


model = AttentionGRUClassifier(num_hiddens)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(X_train, y_train, batch_size=32, epochs=2, verbose=0)
print(model.evaluate(X_train, y_train, verbose=0))
