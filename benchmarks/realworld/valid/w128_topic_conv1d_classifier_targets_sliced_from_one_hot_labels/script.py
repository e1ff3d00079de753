# Forum-topic classifier on padded token sequences (12 topics): shuffled, split into
# training and held-out parts, where the targets are always taken from the one-hot labels.
import numpy as np
import keras
from keras import layers

SEQ_LEN = 120
VOCAB = 1500
HOLDOUT = 0.25
n_topics = 12

gen = np.random.default_rng(128)
sequences = gen.integers(1, VOCAB, size=(160, SEQ_LEN))
topics = keras.utils.to_categorical(gen.integers(0, n_topics, size=160), n_topics)

order = gen.permutation(len(sequences))
sequences, topics = sequences[order], topics[order]
n_hold = int(HOLDOUT * len(sequences))

seq_train, topic_train = sequences[:-n_hold], topics[:-n_hold]
seq_hold, topic_hold = sequences[-n_hold:], topics[-n_hold:]

tokens = keras.Input(shape=(SEQ_LEN,), dtype="int32")
h = layers.Embedding(VOCAB, 24)(tokens)
h = layers.Conv1D(24, 5, activation="relu")(h)
h = layers.MaxPooling1D(4)(h)
h = layers.Conv1D(24, 5, activation="relu")(h)
h = layers.GlobalMaxPooling1D()(h)
topic_probs = layers.Dense(n_topics, activation="softmax")(h)

clf = keras.Model(tokens, topic_probs)
clf.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
clf.fit(seq_train, topic_train, batch_size=16, epochs=1, validation_data=(seq_hold, topic_hold), verbose=0)
print(clf.predict(seq_hold[:2], verbose=0).shape)
