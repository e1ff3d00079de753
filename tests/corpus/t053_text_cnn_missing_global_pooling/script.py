import numpy as np
import keras
from keras import layers

num_tokens = 2000
embedding_dim = 50
num_classes = 20

# 1-D convnet over word embeddings (newsgroup classification), fixed-length sequences.
int_sequences_input = keras.Input(shape=(200,), dtype="int32")
embedded_sequences = layers.Embedding(num_tokens, embedding_dim)(int_sequences_input)
x = layers.Conv1D(128, 5, activation="relu")(embedded_sequences)
x = layers.MaxPooling1D(5)(x)
x = layers.Conv1D(128, 5, activation="relu")(x)
x = layers.MaxPooling1D(5)(x)
x = layers.Conv1D(128, 5, activation="relu")(x)
x = layers.Dense(128, activation="relu")(x)
x = layers.Dropout(0.5)(x)
preds = layers.Dense(num_classes, activation="softmax")(x)
model = keras.Model(int_sequences_input, preds)
model.compile(loss="sparse_categorical_crossentropy", optimizer="rmsprop", metrics=["acc"])

x_train = np.random.randint(0, num_tokens, size=(64, 200))
y_train = np.random.randint(0, num_classes, size=(64,))
model.fit(x_train, y_train, batch_size=32, epochs=1, verbose=0)
