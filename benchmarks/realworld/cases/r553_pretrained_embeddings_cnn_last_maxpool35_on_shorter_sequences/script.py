# Newsgroup-style topic classifier on frozen pretrained word vectors, 1D convnet; texts padded to 500 tokens.
import numpy as np
from keras.models import Sequential
from keras.layers import Input, Embedding, Conv1D, MaxPooling1D, Flatten, Dense
from keras.utils import to_categorical

MAX_SEQUENCE_LENGTH = 500
MAX_NUM_WORDS = 2000
EMBEDDING_DIM = 50
n_topics = 5

rng = np.random.default_rng(8160)
embedding_matrix = rng.normal(size=(MAX_NUM_WORDS, EMBEDDING_DIM)).astype("float32")  # stands in for GloVe
data = rng.integers(1, MAX_NUM_WORDS, size=(200, MAX_SEQUENCE_LENGTH))
labels = to_categorical(rng.integers(0, n_topics, size=200), n_topics)

model = Sequential()
model.add(Input(shape=(MAX_SEQUENCE_LENGTH,), dtype="int32"))
model.add(Embedding(MAX_NUM_WORDS, EMBEDDING_DIM, weights=[embedding_matrix], trainable=False))
model.add(Conv1D(32, 5, activation="relu"))
model.add(MaxPooling1D(5))
model.add(Conv1D(32, 5, activation="relu"))
model.add(MaxPooling1D(5))
model.add(Conv1D(32, 5, activation="relu"))
model.add(MaxPooling1D(35))  # global max pooling
model.add(Flatten())
model.add(Dense(32, activation="relu"))
model.add(Dense(n_topics, activation="softmax"))

model.compile(loss="categorical_crossentropy", optimizer="rmsprop", metrics=["acc"])
model.fit(data, labels, batch_size=32, epochs=2, validation_split=0.2, verbose=0)
print(model.evaluate(data, labels, verbose=0))
