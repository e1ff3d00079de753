import numpy as np
import keras
from keras import layers

MAX_SEQUENCE_LENGTH = 30
rng = np.random.default_rng(967)

# preprocessing step: a word index built from the training reviews
syllables = ["영화", "진짜", "최고", "별로", "배우", "연기", "스토리", "재미", "없다", "있다", "감동", "지루"]
vocab = sorted({a + b for a in syllables for b in syllables})
word_index = {word: i + 1 for i, word in enumerate(vocab)}
reviews = [" ".join(rng.choice(vocab, size=rng.integers(5, MAX_SEQUENCE_LENGTH))) for _ in range(400)]
labels = rng.integers(0, 2, size=400).astype("float32")
sequences = [[word_index[w] for w in review.split()] for review in reviews]
train_input = keras.utils.pad_sequences(sequences, maxlen=MAX_SEQUENCE_LENGTH, padding="post")
prepro_configs = {"vocab_size": len(word_index)}

# model step
VOCAB_SIZE = prepro_configs["vocab_size"]
EMB_SIZE = 64

tokens = keras.Input(shape=(MAX_SEQUENCE_LENGTH,), dtype="int32")
x = layers.Embedding(VOCAB_SIZE, EMB_SIZE)(tokens)
x = layers.Dropout(0.3)(x)
branches = [layers.GlobalMaxPooling1D()(layers.Conv1D(32, k, activation="relu", padding="same")(x)) for k in (3, 4, 5)]
x = layers.Concatenate()(branches)
x = layers.Dense(32, activation="relu")(x)
out = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(tokens, out)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])

history = model.fit(train_input, labels, batch_size=32, epochs=2, validation_split=0.1, verbose=0)
print(history.history["val_accuracy"])
