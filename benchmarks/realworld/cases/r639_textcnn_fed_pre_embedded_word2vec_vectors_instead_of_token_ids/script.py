# TextCNN sentence classifier (token ids -> Embedding -> parallel Conv1D branches ->
# max pooling -> softmax). The sentences were already turned into word2vec vectors,
# one 300-d vector per token, and those 3-D arrays are what gets passed to fit.
import numpy as np
import keras
from keras import layers

max_len, vocab_size, w2v_dim, n_classes = 61, 500, 300, 4

rng = np.random.default_rng(2)
token_ids = rng.integers(1, vocab_size, size=(96, max_len))
w2v_table = rng.normal(size=(vocab_size, w2v_dim)).astype("float32")
train_data = w2v_table[token_ids]
train_labels = keras.utils.to_categorical(rng.integers(0, n_classes, size=96), n_classes)

text_in = layers.Input(shape=(max_len,))
embedded = layers.Embedding(vocab_size, w2v_dim)(text_in)
branches = []
for width in (3, 4, 5):
    conv = layers.Conv1D(32, width, activation="relu")(embedded)
    branches.append(layers.GlobalMaxPooling1D()(conv))
merged = layers.concatenate(branches)
merged = layers.Dropout(0.5)(merged)
probs = layers.Dense(n_classes, activation="softmax")(merged)
textcnn = keras.Model(text_in, probs)
textcnn.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])

textcnn.fit(train_data, train_labels, batch_size=16, epochs=2, verbose=0)
print(textcnn.evaluate(train_data, train_labels, verbose=0))
