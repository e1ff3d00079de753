import numpy as np
import tensorflow as tf
import keras
from keras import layers

gen = np.random.default_rng(176)
vocab_words = ["protein", "galaxy", "quantum", "lattice", "neuron", "cell", "spin",
               "orbit", "gene", "field", "photon", "enzyme"]
categories = ["q-bio", "astro-ph", "quant-ph", "cond-mat"]

papers = [" ".join(gen.choice(vocab_words, size=gen.integers(8, 25))) for _ in range(72)]
tag_sets = [set(gen.choice(categories, size=gen.integers(1, 3), replace=False)) for _ in range(72)]
multi_hot = np.array([[1.0 if c in tags else 0.0 for c in categories] for tags in tag_sets], dtype="float32")


def to_dataset(texts, targets, shuffle=False):
    ds = tf.data.Dataset.from_tensor_slices((texts, targets))
    if shuffle:
        ds = ds.shuffle(100)
    ds = ds.map(lambda t, y: (tf.expand_dims(t, -1), y))
    return ds.batch(12)


train_ds = to_dataset(papers[:60], multi_hot[:60], shuffle=True)
test_ds = to_dataset(papers[60:], multi_hot[60:])

tfidf = layers.TextVectorization(max_tokens=150, ngrams=2, output_mode="tf_idf")
tfidf.adapt(train_ds.map(lambda t, y: t))

tagger = keras.Sequential([
    tfidf,
    layers.Dense(48, activation="relu"),
    layers.Dropout(0.2),
    layers.Dense(len(categories), activation="sigmoid"),
])
tagger.compile(loss="binary_crossentropy", optimizer="adam", metrics=["binary_accuracy"])
tagger.fit(train_ds, epochs=2, verbose=0)
loss, acc = tagger.evaluate(test_ds, verbose=0)
probs = tagger.predict(test_ds, verbose=0)
print("test loss", round(loss, 3), "probs", probs.shape)
