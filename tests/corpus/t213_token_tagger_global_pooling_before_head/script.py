import numpy as np
import keras
from keras import layers

# Named-entity tagger: one of 9 BIO tags for every token of a padded 30-token sentence.
max_len, vocab_size, num_tags = 30, 500, 9
token_ids = np.random.randint(1, vocab_size, size=(40, max_len))
tag_ids = np.random.randint(0, num_tags, size=(40, max_len))

inputs = keras.Input(shape=(max_len,))
x = layers.Embedding(vocab_size, 32)(inputs)
x = layers.Bidirectional(layers.LSTM(32, return_sequences=True))(x)
x = layers.GlobalMaxPooling1D()(x)
outputs = layers.Dense(num_tags, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(token_ids, tag_ids, epochs=1, batch_size=8, verbose=0)
