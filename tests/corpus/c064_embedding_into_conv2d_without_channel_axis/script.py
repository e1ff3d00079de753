import numpy as np
import keras
from keras import layers

max_len = 40
vocab_size = 500
embedding_dim = 16

tokens = keras.Input(shape=(max_len,), dtype="int32")
embedded = layers.Embedding(vocab_size, embedding_dim)(tokens)
x = layers.Conv2D(32, kernel_size=(3, 3), activation="relu")(embedded)
x = layers.GlobalMaxPooling2D()(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(tokens, outputs)

texts = np.random.randint(1, vocab_size, size=(16, max_len))
labels = np.random.randint(0, 2, size=(16, 1)).astype("float32")
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(texts, labels, epochs=1, batch_size=8, verbose=0)
