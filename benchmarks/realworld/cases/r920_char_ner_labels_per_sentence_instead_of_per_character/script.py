import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(13)
alphabet_size = 60
sentence_maxlen = 40
num_labels = 5  # O, PER, LOC, ORG, MISC
n_sentences = 120

chars = rng.integers(1, alphabet_size, size=(n_sentences, sentence_maxlen))
char_tags = rng.integers(0, num_labels, size=(n_sentences, sentence_maxlen))

# labels as described in the README: (batch_size, num_labels)
labels = np.zeros((n_sentences, num_labels), dtype="float32")
for i, tags in enumerate(char_tags):
    labels[i, np.unique(tags)] = 1.0

char_in = keras.Input(shape=(sentence_maxlen,), dtype="int32")
emb = layers.Embedding(alphabet_size, 32, mask_zero=True)(char_in)
h = layers.Bidirectional(layers.LSTM(32, return_sequences=True))(emb)
h = layers.Bidirectional(layers.LSTM(32, return_sequences=True))(h)
tag_probs = layers.TimeDistributed(layers.Dense(num_labels, activation="softmax"))(h)
tagger = keras.Model(char_in, tag_probs)
tagger.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])

tagger.fit(chars, labels, batch_size=24, epochs=2, verbose=0)
print(tagger.predict(chars[:2], verbose=0).argmax(-1))
