import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

SEED = 42
vocab_size = 200
window_size = 2
num_ns = 4
rng = np.random.default_rng(SEED)
# Shakespeare stand-in: 40 vectorized sentences of 10 token ids
sequences = rng.integers(1, vocab_size, size=(40, 10)).tolist()


def generate_training_data(sequences, window_size, num_ns, vocab_size, seed):
    targets, contexts, labels = [], [], []
    for sequence in sequences:
        for i, target_word in enumerate(sequence):
            for j in range(max(0, i - window_size), min(len(sequence), i + window_size + 1)):
                if i == j:
                    continue
                context_word = sequence[j]
                context_class = tf.expand_dims(tf.constant([context_word], dtype="int64"), 1)
                negative_sampling_candidates, _, _ = tf.random.log_uniform_candidate_sampler(
                    true_classes=context_class, num_true=1, num_sampled=num_ns, unique=True,
                    range_max=vocab_size, seed=seed, name="negative_sampling")
                context = tf.concat([tf.squeeze(context_class, 1), negative_sampling_candidates], 0)
                # the positive context word, then the negative samples
                label = tf.constant([1] + [0] * (num_ns - 1), dtype="int64")
                targets.append(target_word)
                contexts.append(context)
                labels.append(label)
    return targets, contexts, labels


targets, contexts, labels = generate_training_data(
    sequences=sequences, window_size=window_size, num_ns=num_ns, vocab_size=vocab_size, seed=SEED)
targets = np.array(targets)
contexts = np.array(contexts)
labels = np.array(labels)
print(f"targets.shape: {targets.shape}, contexts.shape: {contexts.shape}, labels.shape: {labels.shape}")

BATCH_SIZE = 64
BUFFER_SIZE = 1000
dataset = tf.data.Dataset.from_tensor_slices(((targets, contexts), labels))
dataset = dataset.shuffle(BUFFER_SIZE).batch(BATCH_SIZE, drop_remainder=True)


class Word2Vec(tf.keras.Model):
    def __init__(self, vocab_size, embedding_dim):
        super(Word2Vec, self).__init__()
        self.target_embedding = layers.Embedding(vocab_size, embedding_dim, name="w2v_embedding")
        self.context_embedding = layers.Embedding(vocab_size, embedding_dim)

    def call(self, pair):
        target, context = pair
        if len(target.shape) == 2:
            target = tf.squeeze(target, axis=1)
        word_emb = self.target_embedding(target)
        context_emb = self.context_embedding(context)
        dots = tf.einsum("be,bce->bc", word_emb, context_emb)
        return dots


embedding_dim = 32
word2vec = Word2Vec(vocab_size, embedding_dim)
word2vec.compile(optimizer="adam",
                 loss=tf.keras.losses.CategoricalCrossentropy(from_logits=True),
                 metrics=["accuracy"])
word2vec.fit(dataset, epochs=2, verbose=0)
