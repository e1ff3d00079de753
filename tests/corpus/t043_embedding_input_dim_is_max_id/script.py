import numpy as np
import keras
from keras import layers

# Book ratings: user ids 1..600, book ids 1..400 (ids as they come from the CSV).
rng = np.random.default_rng(3)
users = rng.integers(1, 601, size=(256,))
books = rng.integers(1, 401, size=(256,))
ratings = rng.uniform(1, 5, size=(256,)).astype("float32")
n_users, n_books = int(users.max()), int(books.max())

user_in = keras.Input(shape=(1,), name="user")
book_in = keras.Input(shape=(1,), name="book")
u = layers.Embedding(n_users, 8)(user_in)
b = layers.Embedding(n_books + 1, 8)(book_in)
dot = layers.Dot(axes=2)([u, b])
out = layers.Flatten()(dot)
model = keras.Model([user_in, book_in], out)
model.compile(optimizer="adam", loss="mse")
model.fit([users, books], ratings, epochs=1, batch_size=32, verbose=0)
