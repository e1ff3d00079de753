# Predict MovieLens-style ratings from one-hot user and item vectors, streamed by a Python generator.
import numpy as np
import keras
from keras import layers

n_users, n_items = 40, 60
rng = np.random.default_rng(5393)
rates = [(int(rng.integers(n_users)), int(rng.integers(n_items)), float(rng.integers(1, 6))) for _ in range(500)]


def create_vectors(users, items, rates):
    """Yield one (features, rating) pair per rating, forever."""
    while True:
        for user_id, item_id, rate in rates:
            vec = np.zeros(users + items, dtype="float32")
            vec[user_id] = 1.0
            vec[users + item_id] = 1.0
            yield vec, np.float32(rate)


model = keras.Sequential([
    keras.Input(shape=(n_users + n_items,)),
    layers.Dense(32, activation="relu"),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(create_vectors(n_users, n_items, rates), steps_per_epoch=len(rates) // 25, epochs=2, verbose=0)
print(model.predict(np.eye(n_users + n_items, dtype="float32")[:3], verbose=0).ravel())
