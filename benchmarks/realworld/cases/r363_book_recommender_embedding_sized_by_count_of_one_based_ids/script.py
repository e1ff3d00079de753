"""Book recommender (matrix factorisation): the rating is the dot product of a
user embedding and a book embedding."""
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(6)
n_users = 60
n_books = 40
# ratings table exported from the database: user_id is 0-based, book_id is 1-based
user_id = rng.integers(0, n_users, size=2000)
book_id = np.concatenate([np.arange(1, n_books + 1), rng.integers(1, n_books + 1, size=2000 - n_books)])
rating = rng.integers(1, 6, size=2000).astype("float32")

book_input = keras.Input(shape=(1,), name="book")
book_embedding = layers.Embedding(n_books, 5, name="book_embedding")(book_input)
book_vec = layers.Flatten()(book_embedding)

user_input = keras.Input(shape=(1,), name="user")
user_embedding = layers.Embedding(n_users, 5, name="user_embedding")(user_input)
user_vec = layers.Flatten()(user_embedding)

prod = layers.Dot(axes=1)([book_vec, user_vec])
model = keras.Model([user_input, book_input], prod)
model.compile(optimizer="adam", loss="mean_squared_error")
model.fit([user_id, book_id], rating, batch_size=64, epochs=2, verbose=0)
