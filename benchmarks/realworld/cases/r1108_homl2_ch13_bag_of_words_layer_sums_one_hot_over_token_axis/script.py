import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(42)
max_vocabulary_size = 40
n_oov_buckets = 5
n_tokens = max_vocabulary_size + n_oov_buckets + 1  # add 1 for <pad>

lengths = rng.integers(4, 20, size=300)
X_train = np.zeros((300, 20), dtype=np.int32)
for i, length in enumerate(lengths):
    X_train[i, :length] = rng.integers(1, n_tokens, size=length)
y_train = (X_train[:, :4].sum(axis=1) > 2 * n_tokens).astype(np.float32)


class BagOfWords(layers.Layer):
    def __init__(self, n_tokens, **kwargs):
        super().__init__(**kwargs)
        self.n_tokens = n_tokens

    def call(self, inputs):
        one_hot = tf.one_hot(inputs, self.n_tokens)
        return tf.reduce_sum(one_hot, axis=-1)[:, 1:]


bag_of_words = BagOfWords(n_tokens)
model = keras.Sequential([
    keras.Input(shape=[None], dtype="int32"),
    bag_of_words,
    layers.Dense(100, activation="relu"),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(loss="binary_crossentropy", optimizer="nadam",
              metrics=["accuracy"])
model.fit(X_train, y_train, epochs=2, verbose=0)
print("trained")
