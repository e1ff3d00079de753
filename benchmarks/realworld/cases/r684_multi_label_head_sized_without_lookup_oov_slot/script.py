# Multi-label subject-area classifier for paper abstracts: the label sets are turned
# into multi-hot vectors by a StringLookup, the abstracts into TF-IDF bigram vectors,
# and a shallow MLP with one sigmoid per label is trained on them.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(42)
words = ["graph", "neural", "network", "image", "segmentation", "language", "model",
         "robot", "policy", "learning", "attention", "kernel", "bayesian", "sparse"]
areas = ["cs.LG", "cs.CV", "cs.CL", "cs.RO", "stat.ML"]
abstracts = np.array([" ".join(rng.choice(words, size=25)) for _ in range(80)])
area_sets = [list(rng.choice(areas, size=rng.integers(1, 3), replace=False)) for _ in range(80)]

lookup = layers.StringLookup(output_mode="multi_hot")
lookup.adapt(tf.ragged.constant(area_sets))
label_binarized = lookup(tf.ragged.constant(area_sets)).numpy()

batch_size = 16
train_dataset = tf.data.Dataset.from_tensor_slices((abstracts, label_binarized))
train_dataset = train_dataset.shuffle(batch_size * 10).batch(batch_size)

text_vectorizer = layers.TextVectorization(max_tokens=200, ngrams=2, output_mode="tf_idf")
text_vectorizer.adapt(train_dataset.map(lambda text, label: text))
train_dataset = train_dataset.map(lambda text, label: (text_vectorizer(text), label))

num_areas = len(set(a for s in area_sets for a in s))
shallow_mlp_model = keras.Sequential([
    layers.Dense(128, activation="relu"),
    layers.Dense(64, activation="relu"),
    layers.Dense(num_areas, activation="sigmoid"),
])
shallow_mlp_model.compile(loss="binary_crossentropy", optimizer="adam",
                          metrics=["binary_accuracy"])
shallow_mlp_model.fit(train_dataset, epochs=2, verbose=0)
