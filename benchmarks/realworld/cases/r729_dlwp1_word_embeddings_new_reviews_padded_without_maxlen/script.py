# IMDB-style sentiment classifier with a learned word embedding: reviews are integer
# word-index sequences cut or padded to the first `maxlen` words, embedded, flattened and
# classified by one sigmoid unit. After training, a few new reviews are scored.
import numpy as np
import keras
from keras import layers

max_features = 1000   # vocabulary size
maxlen = 20           # words kept per review

rng = np.random.default_rng(29)
reviews = [list(rng.integers(1, max_features, size=rng.integers(5, 60))) for _ in range(300)]
sentiment = rng.integers(0, 2, size=300)

x_train = keras.utils.pad_sequences(reviews, maxlen=maxlen)

model = keras.Sequential([
    keras.Input(shape=(maxlen,)),
    layers.Embedding(max_features, 8),
    layers.Flatten(),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["acc"])
model.fit(x_train, sentiment, epochs=2, batch_size=32, validation_split=0.2, verbose=0)

new_reviews = [list(rng.integers(1, max_features, size=n)) for n in (12, 35, 27)]
x_new = keras.utils.pad_sequences(new_reviews)
print(model.predict(x_new, verbose=0).ravel())
