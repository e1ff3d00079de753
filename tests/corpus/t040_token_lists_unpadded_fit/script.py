import numpy as np
import keras
from keras import layers

# Tweets as word ids (one list per tweet, as a tokenizer returns them): lengths vary.
rng = np.random.default_rng(0)
lengths = rng.integers(4, 30, size=64)
tweets = [list(rng.integers(1, 500, size=n)) for n in lengths]
labels = rng.integers(0, 2, size=(64,))

model = keras.Sequential([
    keras.Input(shape=(30,)),
    layers.Embedding(500, 16),
    layers.LSTM(8),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(tweets, labels, epochs=1, batch_size=16, verbose=0)
