import numpy as np
import keras
from keras import layers

n_users, n_movies, d = 100, 50, 8
user_ids = np.random.randint(0, n_users, size=(500, 1))
movie_ids = np.random.randint(0, n_movies, size=(500, 1))
ratings = np.random.randint(1, 6, size=(500,)).astype("float32")

user_in = keras.Input(shape=(1,))
movie_in = keras.Input(shape=(1,))
user_vec = layers.Embedding(n_users, d)(user_in)
movie_vec = layers.Embedding(n_movies, d)(movie_in)
score = layers.Dot(axes=1)([user_vec, movie_vec])
model = keras.Model([user_in, movie_in], score)
model.compile(optimizer="adam", loss="mse")
model.fit([user_ids, movie_ids], ratings, epochs=1, batch_size=50, verbose=0)
