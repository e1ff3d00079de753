import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(42)
common_words = ["the", "movie", "was", "great", "bad", "plot", "acting", "really",
                "boring", "loved", "it", "a", "film", "awful", "fun", "story"]
rare_words = ["zany", "quirky", "dull", "epic", "meh", "cringe", "gem", "flop"]
all_words = common_words + rare_words

reviews, labels = [], []
for _ in range(256):
    n_words = rng.integers(5, 15)
    reviews.append(" ".join(rng.choice(all_words, size=n_words)))
    labels.append(int(rng.integers(0, 2)))

vocab_size = 12
truncated_vocabulary = common_words[:vocab_size]
words = tf.constant(truncated_vocabulary)
word_ids = tf.range(len(truncated_vocabulary), dtype=tf.int64)
vocab_init = tf.lookup.KeyValueTensorInitializer(words, word_ids)
num_oov_buckets = 10
table = tf.lookup.StaticVocabularyTable(vocab_init, num_oov_buckets)


def preprocess(X_batch, y_batch):
    X_batch = tf.strings.split(X_batch)
    return X_batch.to_tensor(default_value=b"<pad>"), y_batch


def encode_words(X_batch, y_batch):
    return table.lookup(X_batch), y_batch


train_set = tf.data.Dataset.from_tensor_slices((reviews, labels))
train_set = train_set.shuffle(256, seed=42).batch(32).map(preprocess)
train_set = train_set.map(encode_words).prefetch(1)

embed_size = 32
model = keras.Sequential([
    keras.Input(shape=[None], dtype="int64"),
    layers.Embedding(vocab_size, embed_size),
    layers.GRU(32, return_sequences=True),
    layers.GRU(32),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
history = model.fit(train_set, epochs=2, verbose=0)
print("accuracy:", history.history["accuracy"][-1])
