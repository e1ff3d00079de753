# Bidirectional LSTM sentiment classifier on top of a frozen, pretrained (GloVe-style) embedding matrix.
import numpy as np
import keras
from keras import layers

max_tokens = 2000
max_length = 60
embedding_dim = 100

rng = np.random.default_rng(3)
# stand-in for the parsed GloVe file: one 100-d vector per vocabulary word
vocabulary = ["", "[UNK]"] + [f"word{i}" for i in range(max_tokens - 2)]
embeddings_index = {w: rng.normal(size=embedding_dim).astype("float32") for w in vocabulary[2:1500]}
word_index = dict(zip(vocabulary, range(len(vocabulary))))

embedding_matrix = np.zeros((max_tokens, embedding_dim))
for word, i in word_index.items():
    if i < max_tokens:
        embedding_vector = embeddings_index.get(word)
        if embedding_vector is not None:
            embedding_matrix[i] = embedding_vector

embedding_layer = layers.Embedding(
    max_tokens,
    256,
    embeddings_initializer=keras.initializers.Constant(embedding_matrix),
    trainable=False,
    mask_zero=True,
)

inputs = keras.Input(shape=(None,), dtype="int64")
embedded = embedding_layer(inputs)
x = layers.Bidirectional(layers.LSTM(32))(embedded)
x = layers.Dropout(0.5)(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])

x_train = rng.integers(1, max_tokens, size=(128, max_length))
y_train = rng.integers(0, 2, size=(128,)).astype("float32")
model.fit(x_train, y_train, batch_size=32, epochs=1, verbose=0)
print(model.evaluate(x_train, y_train, verbose=0))
