import numpy as np
import keras
from keras import layers

n_users = 50
n_movies = 80
latent_dim = 8

# Matrix factorisation: rating = user vector . movie vector.
user_input = keras.Input(shape=(1,))
movie_input = keras.Input(shape=(1,))
user_vec = layers.Embedding(n_users, latent_dim)(user_input)
movie_vec = layers.Embedding(n_movies, latent_dim)(movie_input)
rating = layers.Dot(axes=1)([user_vec, movie_vec])
model = keras.Model([user_input, movie_input], rating)
model.compile(optimizer="adam", loss="mean_squared_error")

users = np.random.randint(0, n_users, size=(200, 1))
movies = np.random.randint(0, n_movies, size=(200, 1))
ratings = np.random.uniform(1, 5, size=(200,)).astype("float32")
model.fit([users, movies], ratings, batch_size=32, epochs=1, verbose=0)
