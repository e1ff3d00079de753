# Character-level text generation (TensorFlow "Text generation with an RNN" style):
# the text is split into ids with StringLookup, cut into sequences whose target is the
# input shifted by one character, and a subclassed Embedding -> GRU -> Dense model
# predicts the next character at every position.
import numpy as np
import tensorflow as tf
import keras

rng = np.random.default_rng(21)
alphabet = list("abcdefghijklmnopqrstuvwxyz .,\n")
corpus = "".join(rng.choice(alphabet, size=4000))

chars = sorted(set(corpus))
ids_from_chars = keras.layers.StringLookup(vocabulary=chars, mask_token=None)
all_ids = ids_from_chars(tf.strings.unicode_split(corpus, "UTF-8"))

seq_length = 40
sequences = tf.data.Dataset.from_tensor_slices(all_ids).batch(seq_length + 1, drop_remainder=True)


def split_input_target(sequence):
    return sequence[:-1], sequence[1:]


dataset = (sequences.map(split_input_target)
           .shuffle(1000)
           .batch(16, drop_remainder=True)
           .prefetch(tf.data.AUTOTUNE))

vocab_size = ids_from_chars.vocabulary_size()
embedding_dim = 32
rnn_units = 64


class CharModel(keras.Model):
    def __init__(self, vocab_size, embedding_dim, rnn_units):
        super().__init__()
        self.embedding = keras.layers.Embedding(vocab_size, embedding_dim)
        self.gru = keras.layers.GRU(rnn_units, return_state=True)
        self.dense = keras.layers.Dense(vocab_size)

    def call(self, inputs, states=None, return_state=False, training=False):
        x = self.embedding(inputs, training=training)
        x, states = self.gru(x, initial_state=states, training=training)
        x = self.dense(x, training=training)
        if return_state:
            return x, states
        return x


model = CharModel(vocab_size, embedding_dim, rnn_units)
loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
model.compile(optimizer="adam", loss=loss)
history = model.fit(dataset, epochs=2, verbose=0)
print("final loss:", history.history["loss"][-1])
