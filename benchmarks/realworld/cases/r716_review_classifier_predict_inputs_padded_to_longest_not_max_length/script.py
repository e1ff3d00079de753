# Star-rating classifier for product reviews. Reviews are tokenised into ids with [CLS]
# and [SEP] markers; the token embeddings go through a convolution and are flattened into
# a softmax over the five star ratings. After training, the model rates two new reviews.
import numpy as np
import keras
from keras import layers

MAX_SEQ_LENGTH = 64
PAD, UNK, CLS, SEP = 0, 1, 2, 3
words = ("great product works fine broke after week love it terrible quality "
         "would buy again cheap feel fast shipping battery lasts poor fit").split()
vocab = {w: i + 4 for i, w in enumerate(words)}


def tokenize(texts, padding="longest", max_length=MAX_SEQ_LENGTH):
    ids = [[CLS] + [vocab.get(w, UNK) for w in t.lower().split()][:max_length - 2] + [SEP]
           for t in texts]
    width = max_length if padding == "max_length" else max(len(s) for s in ids)
    return np.array([s + [PAD] * (width - len(s)) for s in ids], dtype="int32")


rng = np.random.default_rng(235)
train_reviews = [" ".join(rng.choice(words, size=rng.integers(5, 40))) for _ in range(200)]
star_rating = rng.integers(0, 5, size=200)
train_ids = tokenize(train_reviews, padding="max_length")

ids_in = keras.Input(shape=(MAX_SEQ_LENGTH,), dtype="int32", name="input_ids")
h = layers.Embedding(len(vocab) + 4, 32)(ids_in)
h = layers.Conv1D(32, 5, padding="same", activation="relu")(h)
h = layers.MaxPooling1D(4)(h)
h = layers.Flatten()(h)
rating = layers.Dense(5, activation="softmax")(h)
rater = keras.Model(ids_in, rating)
rater.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
rater.fit(train_ids, star_rating, batch_size=32, epochs=2, verbose=0)

new_reviews = ["great product fast shipping love it", "terrible quality broke after week"]
new_ids = tokenize(new_reviews, padding="longest")
print(rater.predict(new_ids, verbose=0).argmax(axis=1) + 1)
