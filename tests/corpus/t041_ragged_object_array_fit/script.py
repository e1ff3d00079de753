import numpy as np
import keras
from keras import layers

# Reviews encoded as word ids, stored in an object array (one array per review).
rng = np.random.default_rng(1)
reviews = np.array([rng.integers(1, 1000, size=n) for n in rng.integers(5, 40, size=80)], dtype=object)
stars = rng.integers(0, 5, size=(80,))

model = keras.Sequential([
    keras.Input(shape=(40,)),
    layers.Embedding(1000, 32),
    layers.GlobalAveragePooling1D(),
    layers.Dense(5, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(reviews, stars, epochs=1, batch_size=16, verbose=0)
