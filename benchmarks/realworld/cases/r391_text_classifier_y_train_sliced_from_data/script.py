"""20-newsgroups style text classifier on padded word-index sequences (pretrained-embeddings example layout)."""
import numpy as np
import keras
from keras import layers

MAX_SEQUENCE_LENGTH = 1000
MAX_NUM_WORDS = 2000
EMBEDDING_DIM = 32
VALIDATION_SPLIT = 0.2
N_TOPICS = 20

rng = np.random.default_rng(6)
data = rng.integers(1, MAX_NUM_WORDS, size=(200, MAX_SEQUENCE_LENGTH))
labels = keras.utils.to_categorical(rng.integers(0, N_TOPICS, size=200), N_TOPICS)
num_validation_samples = int(VALIDATION_SPLIT * data.shape[0])

x_train = data[:-num_validation_samples]
y_train = data[:-num_validation_samples]
x_val = data[-num_validation_samples:]
y_val = labels[-num_validation_samples:]

sequence_input = keras.Input(shape=(MAX_SEQUENCE_LENGTH,), dtype="int32")
x = layers.Embedding(MAX_NUM_WORDS, EMBEDDING_DIM)(sequence_input)
x = layers.Conv1D(32, 5, activation="relu")(x)
x = layers.MaxPooling1D(5)(x)
x = layers.Conv1D(32, 5, activation="relu")(x)
x = layers.GlobalMaxPooling1D()(x)
x = layers.Dense(32, activation="relu")(x)
preds = layers.Dense(N_TOPICS, activation="softmax")(x)
model = keras.Model(sequence_input, preds)
model.compile(loss="categorical_crossentropy", optimizer="rmsprop", metrics=["acc"])
model.fit(x_train, y_train, batch_size=32, epochs=1, validation_data=(x_val, y_val), verbose=0)
