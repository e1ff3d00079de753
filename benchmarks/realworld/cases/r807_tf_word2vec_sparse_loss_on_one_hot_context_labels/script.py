# Skip-gram word2vec with negative sampling (TensorFlow word2vec tutorial style): each
# example is a target word id, a context row holding the true context word followed by
# num_ns sampled negatives, and a label row marking which context entry is the true one.
# A subclassed model scores every context word with a dot product against the target.
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

rng = np.random.default_rng(21)
vocab_size = 500
embedding_dim = 32
num_ns = 4
n_pairs = 640

target_ids = rng.integers(1, vocab_size, size=n_pairs)
context_ids = rng.integers(1, vocab_size, size=(n_pairs, num_ns + 1))
label_rows = np.tile(np.array([1] + [0] * num_ns, dtype="int64"), (n_pairs, 1))

dataset = tf.data.Dataset.from_tensor_slices(((target_ids, context_ids), label_rows))
dataset = dataset.shuffle(1000).batch(64, drop_remainder=True).cache().prefetch(tf.data.AUTOTUNE)


class SkipGram(tf.keras.Model):
    def __init__(self, vocab_size, embedding_dim):
        super().__init__()
        self.target_embedding = layers.Embedding(vocab_size, embedding_dim, name="w2v_embedding")
        self.context_embedding = layers.Embedding(vocab_size, embedding_dim)

    def call(self, pair):
        target, context = pair
        word_emb = self.target_embedding(target)        # (batch, embed)
        context_emb = self.context_embedding(context)   # (batch, num_ns + 1, embed)
        return tf.einsum("be,bce->bc", word_emb, context_emb)


word2vec = SkipGram(vocab_size, embedding_dim)
word2vec.compile(optimizer="adam",
                 loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                 metrics=["accuracy"])
word2vec.fit(dataset, epochs=2, verbose=0)
weights = word2vec.get_layer("w2v_embedding").get_weights()[0]
print(weights.shape)
