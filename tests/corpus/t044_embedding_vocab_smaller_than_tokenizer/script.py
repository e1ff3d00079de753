import numpy as np
import keras
from keras import layers

# Headlines tokenised with a 5000-word vocabulary; the model was written for 1000.
rng = np.random.default_rng(4)
num_words = 5000
headlines = rng.integers(1, num_words, size=(96, 12))
topic = rng.integers(0, 4, size=(96,))

vocab_size = 1000
model = keras.Sequential([
    keras.Input(shape=(12,)),
    layers.Embedding(vocab_size, 16),
    layers.GlobalAveragePooling1D(),
    layers.Dense(4, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(headlines, topic, epochs=1, batch_size=32, verbose=0)
