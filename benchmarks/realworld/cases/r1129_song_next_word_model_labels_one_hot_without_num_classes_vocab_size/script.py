# Next-word lyrics model (course lab): each line becomes n-gram prefixes, the last
# token of every prefix is the label (one-hot over the vocabulary) and an Embedding +
# Bidirectional LSTM predicts it with a softmax over the whole vocabulary.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

corpus = ["down by the salley gardens my love and i did meet",
          "she passed the salley gardens with little snow white feet",
          "she bid me take love easy as the leaves grow on the tree",
          "but i being young and foolish with her would not heed",
          "across the field by the river my love and i did stand",
          "and on my leaning shoulder she laid her snow white hand",
          "yesterday she bid me take life easy as the grass grows on the weirs"]
vectorize_layer = layers.TextVectorization()
vectorize_layer.adapt(corpus)
vocabulary = vectorize_layer.get_vocabulary()
vocab_size = len(vocabulary)

input_sequences = []
for line in corpus:
    sequence = vectorize_layer(line).numpy()
    for i in range(1, len(sequence)):
        input_sequences.append(sequence[:i + 1])
max_sequence_len = max(len(x) for x in input_sequences)
input_sequences = np.array(keras.utils.pad_sequences(input_sequences, maxlen=max_sequence_len, padding="pre"))
xs, labels = input_sequences[:, :-1], input_sequences[:, -1]
ys = keras.utils.to_categorical(labels)

model = keras.Sequential([
    keras.Input(shape=(max_sequence_len - 1,)),
    layers.Embedding(vocab_size, 16),
    layers.Bidirectional(layers.LSTM(12)),
    layers.Dense(vocab_size, activation="softmax"),
])
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
history = model.fit(xs, ys, epochs=2, verbose=0)
print("vocabulary:", vocab_size, "final loss:", history.history["loss"][-1])
