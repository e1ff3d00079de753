# 20-newsgroups style text classifier (after the pretrained word embeddings example):
# padded token sequences, one-hot labels, an Embedding + Conv1D stack and a softmax over
# the 20 newsgroups. The last part of the shuffled data is held out for validation.
import numpy as np
import keras
from keras import layers

MAX_SEQUENCE_LENGTH = 300
MAX_NUM_WORDS = 2000
EMBEDDING_DIM = 50
VALIDATION_SPLIT = 0.2
labels_index = {f"group_{i}": i for i in range(20)}

rng = np.random.default_rng(10791)
data = rng.integers(1, MAX_NUM_WORDS, size=(200, MAX_SEQUENCE_LENGTH))
labels = keras.utils.to_categorical(rng.integers(0, len(labels_index), size=200))
print("Shape of data tensor:", data.shape)
print("Shape of label tensor:", labels.shape)

indices = np.arange(data.shape[0])
rng.shuffle(indices)
data = data[indices]
labels = labels[indices]
num_validation_samples = int(VALIDATION_SPLIT * data.shape[0])

x_train = data[:-num_validation_samples]
y_train = data[:-num_validation_samples]
x_val = data[-num_validation_samples:]
y_val = data[-num_validation_samples:]

sequence_input = keras.Input(shape=(MAX_SEQUENCE_LENGTH,), dtype="int32")
embedded_sequences = layers.Embedding(MAX_NUM_WORDS, EMBEDDING_DIM)(sequence_input)
x = layers.Conv1D(32, 5, activation="relu")(embedded_sequences)
x = layers.MaxPooling1D(5)(x)
x = layers.Conv1D(32, 5, activation="relu")(x)
x = layers.GlobalMaxPooling1D()(x)
x = layers.Dense(32, activation="relu")(x)
preds = layers.Dense(len(labels_index), activation="softmax")(x)

model = keras.Model(sequence_input, preds)
model.compile(loss="categorical_crossentropy", optimizer="rmsprop", metrics=["acc"])
model.fit(x_train, y_train, batch_size=32, epochs=1, validation_data=(x_val, y_val), verbose=0)
print("trained")
