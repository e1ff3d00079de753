# Character-level GRU text generator (TensorFlow "Text generation with an RNN" style):
# characters are mapped to ids with StringLookup, the text is cut into sequences split
# into input / shifted target, and a subclassed Embedding -> GRU -> Dense model is
# trained; then characters are sampled one at a time from a seed string.
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(4)
words = ["thou", "art", "the", "king", "romeo", "night", "sweet", "love", "shall", "die"]
text = " ".join(rng.choice(words, size=900))
vocab = sorted(set(text))

ids_from_chars = tf.keras.layers.StringLookup(vocabulary=list(vocab), mask_token=None)
chars_from_ids = tf.keras.layers.StringLookup(
    vocabulary=ids_from_chars.get_vocabulary(), invert=True, mask_token=None)

all_ids = ids_from_chars(tf.strings.unicode_split(text, "UTF-8"))
seq_length = 50
sequences = tf.data.Dataset.from_tensor_slices(all_ids).batch(seq_length + 1, drop_remainder=True)


def split_input_target(sequence):
    return sequence[:-1], sequence[1:]


dataset = sequences.map(split_input_target).shuffle(1000).batch(16, drop_remainder=True)


class CharModel(tf.keras.Model):
    def __init__(self, vocab_size, embedding_dim, rnn_units):
        super().__init__()
        self.embedding = tf.keras.layers.Embedding(vocab_size, embedding_dim)
        self.gru = tf.keras.layers.GRU(rnn_units, return_sequences=True, return_state=True)
        self.dense = tf.keras.layers.Dense(vocab_size)

    def call(self, inputs, states=None, return_state=False, training=False):
        x = self.embedding(inputs, training=training)
        if states is None:
            x, states = self.gru(x, training=training)
        else:
            x, states = self.gru(x, initial_state=states, training=training)
        x = self.dense(x, training=training)
        return (x, states) if return_state else x


model = CharModel(vocab_size=len(ids_from_chars.get_vocabulary()), embedding_dim=32, rnn_units=64)
model.compile(optimizer="adam",
              loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit(dataset, epochs=1, verbose=0)

seed_ids = ids_from_chars(tf.strings.unicode_split("ROMEO:", "UTF-8"))
states = None
generated = []
for _ in range(20):
    logits, states = model(seed_ids, states=states, return_state=True)
    next_id = tf.random.categorical(logits[:, -1, :], num_samples=1)
    generated.append(chars_from_ids(next_id)[0, 0].numpy().decode())
    seed_ids = next_id
print("ROMEO:" + "".join(generated))
