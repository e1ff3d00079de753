import numpy as np
import keras
from keras import layers
from keras.utils import pad_sequences

# Reviews as token ids, padded to 64 tokens for training.
rng = np.random.default_rng(3)
reviews = [list(rng.integers(1, 500, size=rng.integers(5, 80))) for _ in range(120)]
labels = rng.integers(0, 2, size=(120,))
x_train = pad_sequences(reviews, maxlen=64)

model = keras.Sequential([
    keras.Input(shape=(64,)),
    layers.Embedding(500, 16),
    layers.Flatten(),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(x_train, labels, epochs=1, batch_size=32, verbose=0)

new_reviews = [[12, 7, 301, 44], [5, 99, 18, 260, 3, 77]]
x_new = pad_sequences(new_reviews)
print(model.predict(x_new, verbose=0))
