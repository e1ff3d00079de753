# MovieLens-style collaborative filtering: a subclassed recommender embeds the user
# (column 0) and the movie (column 1) of each (user, movie) pair, scores the pair by
# a dot product plus biases, and is then asked to rank one user's unwatched movies.
import numpy as np
import keras
from keras import layers, ops

gen = np.random.default_rng(800)
n_users, n_movies = 30, 50
pairs = np.stack([gen.integers(0, n_users, 600), gen.integers(0, n_movies, 600)], axis=1)
stars = gen.integers(1, 6, 600).astype("float32")
scaled = (stars - stars.min()) / (stars.max() - stars.min())

EMBED = 16


class Recommender(keras.Model):
    def __init__(self, num_users, num_movies, embedding_size, **kwargs):
        super().__init__(**kwargs)
        self.user_vec = layers.Embedding(num_users, embedding_size,
                                         embeddings_initializer="he_normal",
                                         embeddings_regularizer=keras.regularizers.l2(1e-6))
        self.user_b = layers.Embedding(num_users, 1)
        self.movie_vec = layers.Embedding(num_movies, embedding_size,
                                          embeddings_initializer="he_normal",
                                          embeddings_regularizer=keras.regularizers.l2(1e-6))
        self.movie_b = layers.Embedding(num_movies, 1)

    def call(self, inputs):
        u = self.user_vec(inputs[:, 0])
        ub = self.user_b(inputs[:, 0])
        m = self.movie_vec(inputs[:, 1])
        mb = self.movie_b(inputs[:, 1])
        affinity = ops.sum(u * m, axis=1, keepdims=True)
        return ops.sigmoid(affinity + ub + mb)


recommender = Recommender(n_users, n_movies, EMBED)
recommender.compile(loss=keras.losses.BinaryCrossentropy(),
                    optimizer=keras.optimizers.Adam(learning_rate=1e-3))
recommender.fit(pairs, scaled, batch_size=64, epochs=2, validation_split=0.1, verbose=0)

viewer = 7
seen = set(pairs[pairs[:, 0] == viewer, 1].tolist())
unseen = [[m] for m in range(n_movies) if m not in seen]
candidates = np.array(unseen)
scores = recommender.predict(candidates, verbose=0).flatten()
top = np.argsort(scores)[-5:][::-1]
print("top movies for user", viewer, [unseen[i][0] for i in top])
