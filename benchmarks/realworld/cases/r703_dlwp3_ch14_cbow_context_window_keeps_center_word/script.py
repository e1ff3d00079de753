# Pretraining a word embedding with a continuous-bag-of-words objective (Deep
# Learning with Python style): every review is tokenized without padding, cut into
# sliding 9-token windows, and the 4 words on each side must predict the middle one.
import os
import pathlib
import tempfile
import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(703)
lexicon = ["".join(rng.choice(list("abcdefghij"), size=4)) for _ in range(300)]
reviews_dir = pathlib.Path(tempfile.mkdtemp())
for polarity in ("neg", "pos"):
    os.makedirs(reviews_dir / polarity)
    for i in range(10):
        (reviews_dir / polarity / f"{i}.txt").write_text(" ".join(rng.choice(lexicon, size=30)))

max_tokens = 200
vectorizer = layers.TextVectorization(max_tokens=max_tokens, split="whitespace", output_mode="int")
vectorizer.adapt([" ".join(lexicon)])
tokenize_no_padding = layers.TextVectorization(
    vocabulary=vectorizer.get_vocabulary(), split="whitespace", output_mode="int")

context_size = 4
window_size = 9


def window_data(token_ids):
    num_windows = tf.maximum(tf.size(token_ids) - context_size * 2, 0)
    windows = tf.range(window_size)[None, :] + tf.range(num_windows)[:, None]
    return tf.data.Dataset.from_tensor_slices(tf.gather(token_ids, windows))


def split_label(window):
    left = window[:context_size]
    right = window[context_size:]
    bag = tf.concat((left, right), axis=0)
    label = window[4]
    return bag, label


corpus = keras.utils.text_dataset_from_directory(reviews_dir, batch_size=None)
corpus = corpus.map(lambda x, y: x)
corpus = corpus.map(tokenize_no_padding)
corpus = corpus.interleave(window_data, cycle_length=4)
corpus = corpus.map(split_label)

hidden_dim = 16
context_in = keras.Input(shape=(2 * context_size,))
cbow_embedding = layers.Embedding(max_tokens, hidden_dim)
h = cbow_embedding(context_in)
h = layers.GlobalAveragePooling1D()(h)
center_probs = layers.Dense(max_tokens, activation="softmax")(h)
cbow_model = keras.Model(context_in, center_probs)
cbow_model.compile(optimizer="adam", loss="sparse_categorical_crossentropy",
                   metrics=["sparse_categorical_accuracy"])
cbow_model.fit(corpus.batch(64).cache(), epochs=2, verbose=0)
print(cbow_embedding.embeddings.shape)
