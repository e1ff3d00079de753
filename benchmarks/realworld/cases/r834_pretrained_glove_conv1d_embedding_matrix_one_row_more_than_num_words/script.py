import numpy as np
import keras
from keras import layers

MAX_SEQUENCE_LENGTH = 30
MAX_NUM_WORDS = 40
EMBEDDING_DIM = 16
N_TOPICS = 4

rng = np.random.default_rng(7915)

# word_index as a fitted tokenizer would give it: 1 is the most frequent word
word_index = {"tok%d" % k: k for k in range(1, 61)}
# pretend GloVe file: vectors for most (not all) words
embeddings_index = {w: rng.normal(size=EMBEDDING_DIM).astype("float32")
                    for w in word_index if rng.random() < 0.8}
print("Found %s word vectors." % len(embeddings_index))

data = rng.integers(1, MAX_NUM_WORDS, size=(200, MAX_SEQUENCE_LENGTH))
labels = keras.utils.to_categorical(rng.integers(0, N_TOPICS, size=200), N_TOPICS)

print("Preparing embedding matrix.")
num_words = min(MAX_NUM_WORDS, len(word_index))
embedding_matrix = np.zeros((num_words + 1, EMBEDDING_DIM))
for word, i in word_index.items():
    if i >= MAX_NUM_WORDS:
        continue
    embedding_vector = embeddings_index.get(word)
    if embedding_vector is not None:
        embedding_matrix[i] = embedding_vector

embedding_layer = layers.Embedding(num_words, EMBEDDING_DIM,
                                   weights=[embedding_matrix],
                                   trainable=False)

sequence_input = keras.Input(shape=(MAX_SEQUENCE_LENGTH,), dtype="int32")
embedded_sequences = embedding_layer(sequence_input)
x = layers.Conv1D(32, 5, activation="relu")(embedded_sequences)
x = layers.MaxPooling1D(5)(x)
x = layers.GlobalMaxPooling1D()(x)
x = layers.Dense(32, activation="relu")(x)
preds = layers.Dense(N_TOPICS, activation="softmax")(x)

model = keras.Model(sequence_input, preds)
model.compile(loss="categorical_crossentropy", optimizer="rmsprop", metrics=["acc"])
model.fit(data, labels, batch_size=32, epochs=1, validation_split=0.2, verbose=0)
print("trained")
