# IMDB-style review sentiment with a multi-hot bag-of-words and a linear
# logistic-regression classifier (Deep Learning with Python style): reviews are
# read from neg/ and pos/ subfolders with text_dataset_from_directory.
import os
import pathlib
import tempfile
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(703)
words = ["".join(rng.choice(list("abcdefghijklmnop"), size=5)) for _ in range(800)]
reviews_dir = pathlib.Path(tempfile.mkdtemp())
for polarity in ("neg", "pos"):
    os.makedirs(reviews_dir / polarity)
    for i in range(24):
        (reviews_dir / polarity / f"{i}.txt").write_text(" ".join(rng.choice(words, size=40)))

batch_size = 8
reviews_ds = keras.utils.text_dataset_from_directory(
    reviews_dir, batch_size=batch_size, label_mode="categorical")

vocab_size = 300
vectorizer = layers.TextVectorization(max_tokens=vocab_size, split="whitespace",
                                      output_mode="multi_hot")
vectorizer.adapt(reviews_ds.map(lambda x, y: x))
bow_ds = reviews_ds.map(lambda x, y: (vectorizer(x), y), num_parallel_calls=4)


def build_linear_classifier(max_tokens, name):
    inputs = keras.Input(shape=(max_tokens,))
    outputs = layers.Dense(1, activation="sigmoid")(inputs)
    clf = keras.Model(inputs, outputs, name=name)
    clf.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return clf


clf = build_linear_classifier(vocab_size, "bag_of_words_classifier")
history = clf.fit(bow_ds, epochs=2, verbose=0)
print(history.history)
