import numpy as np
import keras
from keras import layers

max_caption_len = 12
vocab_size = 300

# Image branch: precomputed CNN features projected to the word-embedding width.
image_in = keras.Input(shape=(512,), name="image_features")
image_emb = layers.Dense(64, activation="relu")(image_in)

# Language branch: the partial caption so far.
words_in = keras.Input(shape=(max_caption_len,), dtype="int32", name="partial_caption")
words = layers.Embedding(vocab_size, 64)(words_in)
words = layers.LSTM(64, return_sequences=True)(words)
words = layers.TimeDistributed(layers.Dense(64))(words)

merged = layers.Concatenate(axis=-1)([image_emb, words])
decoded = layers.LSTM(128)(merged)
next_word = layers.Dense(vocab_size, activation="softmax")(decoded)
model = keras.Model([image_in, words_in], next_word)
model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy")

features = np.random.rand(8, 512).astype("float32")
captions = np.random.randint(0, vocab_size, size=(8, max_caption_len))
targets = np.random.randint(0, vocab_size, size=(8,))
model.fit([features, captions], targets, epochs=1, batch_size=4, verbose=0)
