import numpy as np
import tensorflow as tf
import keras
from keras import layers

num_steps, num_features, num_hiddens = 10, 6, 16
rng = np.random.default_rng(1)
X_train = rng.normal(size=(320, num_steps, num_features)).astype("float32")
y_train = (X_train[:, :, 0].max(axis=1) > 1.5).astype("int32")


class DotProductAttention(layers.Layer):
    """Scaled dot-product attention (d2l, section 11.3)."""

    def __init__(self, dropout, **kwargs):
        super().__init__(**kwargs)
        self.dropout = layers.Dropout(dropout)

    def call(self, queries, keys, values, training=None):
        d = queries.shape[-1]
        scores = tf.matmul(queries, keys) / tf.math.sqrt(
            tf.cast(d, dtype=tf.float32))
        self.attention_weights = tf.nn.softmax(scores, axis=-1)
        return tf.matmul(self.dropout(self.attention_weights, training=training),
                         values)


class AttentionClassifier(keras.Model):
    def __init__(self, num_hiddens, num_classes, **kwargs):
        super().__init__(**kwargs)
        self.W_q = layers.Dense(num_hiddens, use_bias=False)
        self.W_k = layers.Dense(num_hiddens, use_bias=False)
        self.W_v = layers.Dense(num_hiddens, use_bias=False)
        self.attention = DotProductAttention(0.1)
        self.pool = layers.GlobalAveragePooling1D()
        self.head = layers.Dense(num_classes, activation="softmax")

    def call(self, X, training=None):
        context = self.attention(self.W_q(X), self.W_k(X), self.W_v(X),
                                 training=training)
        return self.head(self.pool(context))


model = AttentionClassifier(num_hiddens, 2)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy",
              metrics=["accuracy"])
model.fit(X_train, y_train, batch_size=32, epochs=2, verbose=0)
print(model.evaluate(X_train, y_train, verbose=0))
