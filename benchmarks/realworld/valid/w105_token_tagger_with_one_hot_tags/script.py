# Token-level highlighter: each of the 24 words of a sentence is tagged as plain (0) or entity (1).
import numpy as np
import keras
from keras import layers

seq_len, n_sentences, vocab = 24, 80, 150
rng = np.random.default_rng(77)
sentences = rng.integers(1, vocab, size=(n_sentences, seq_len))
word_tags = rng.integers(0, 2, size=(n_sentences, seq_len))
tag_targets = keras.utils.to_categorical(word_tags, num_classes=2)  # (80, 24, 2)

tagger = keras.Sequential([
    keras.Input(shape=(seq_len,)),
    layers.Embedding(input_dim=vocab, output_dim=32),
    layers.Dropout(0.1),
    layers.Bidirectional(layers.LSTM(48, return_sequences=True)),
    layers.TimeDistributed(layers.Dense(2, activation="softmax")),
])
tagger.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
tagger.fit(sentences, tag_targets, batch_size=20, epochs=2, verbose=0)
print(tagger.evaluate(sentences, tag_targets, verbose=0))
print(tagger.predict(sentences[:2], verbose=0).argmax(-1).shape)
