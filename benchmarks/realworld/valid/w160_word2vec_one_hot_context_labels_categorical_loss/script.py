# Negative-sampling skip-gram trained on (target, contexts) pairs: each row of contexts
# holds the true context word first and then the sampled negatives, and the label row is
# one-hot on that first entry, scored with categorical cross-entropy on the dot products.
import numpy as np
import tensorflow as tf

gen = np.random.default_rng(160)
VOCAB = 400
DIM = 24
NEGATIVES = 3
N = 512

centre_words = gen.integers(1, VOCAB, size=N)
context_rows = gen.integers(1, VOCAB, size=(N, NEGATIVES + 1))
onehot_rows = np.zeros((N, NEGATIVES + 1), dtype="float32")
onehot_rows[:, 0] = 1.0

pairs_ds = (tf.data.Dataset.from_tensor_slices(((centre_words, context_rows), onehot_rows))
            .shuffle(N).batch(32, drop_remainder=True).prefetch(tf.data.AUTOTUNE))


class NegativeSamplingSkipGram(tf.keras.Model):
    def __init__(self, vocab, dim):
        super().__init__()
        self.centre_table = tf.keras.layers.Embedding(vocab, dim, name="centre_vectors")
        self.context_table = tf.keras.layers.Embedding(vocab, dim)

    def call(self, inputs):
        centre, contexts = inputs
        c = self.centre_table(centre)          # (batch, dim)
        k = self.context_table(contexts)       # (batch, NEGATIVES + 1, dim)
        return tf.einsum("bd,bkd->bk", c, k)   # (batch, NEGATIVES + 1)


sgns = NegativeSamplingSkipGram(VOCAB, DIM)
sgns.compile(optimizer="adam",
             loss=tf.keras.losses.CategoricalCrossentropy(from_logits=True),
             metrics=["accuracy"])
hist = sgns.fit(pairs_ds, epochs=2, verbose=0)
print(round(hist.history["loss"][-1], 4), sgns.get_layer("centre_vectors").get_weights()[0].shape)
