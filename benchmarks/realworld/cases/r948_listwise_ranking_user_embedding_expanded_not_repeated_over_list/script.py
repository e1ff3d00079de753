import numpy as np
import keras
from keras import layers, ops

rng = np.random.default_rng(948)
n_users, n_movies, list_len, embedding_dimension = 60, 120, 5, 32
unique_user_ids = np.arange(1, n_users + 1)
unique_movie_titles = np.arange(1, n_movies + 1) * 7

user_id = rng.choice(unique_user_ids, size=400)
movie_title = rng.choice(unique_movie_titles, size=(400, list_len))
user_rating = rng.integers(1, 6, size=(400, list_len)).astype("float32")


class RankingModel(keras.Model):
    def __init__(self):
        super().__init__()
        self.user_embeddings = keras.Sequential([
            layers.IntegerLookup(vocabulary=unique_user_ids),
            layers.Embedding(len(unique_user_ids) + 2, embedding_dimension),
        ])
        self.movie_embeddings = keras.Sequential([
            layers.IntegerLookup(vocabulary=unique_movie_titles),
            layers.Embedding(len(unique_movie_titles) + 2, embedding_dimension),
        ])
        self.score_model = keras.Sequential([
            layers.Dense(256, activation="relu"),
            layers.Dense(64, activation="relu"),
            layers.Dense(1),
        ])

    def call(self, features):
        user_embeddings = self.user_embeddings(features["user_id"])
        movie_embeddings = self.movie_embeddings(features["movie_title"])
        # give every movie in the list its user's embedding
        user_embedding_repeated = ops.expand_dims(user_embeddings, 1)
        concatenated_embeddings = ops.concatenate([user_embedding_repeated, movie_embeddings], axis=2)
        return ops.squeeze(self.score_model(concatenated_embeddings), axis=-1)


model = RankingModel()
model.compile(optimizer=keras.optimizers.Adagrad(0.1), loss="mse",
              metrics=[keras.metrics.RootMeanSquaredError()])
model.fit({"user_id": user_id, "movie_title": movie_title}, user_rating, batch_size=64, epochs=2, verbose=0)
print(model.evaluate({"user_id": user_id[:64], "movie_title": movie_title[:64]}, user_rating[:64], verbose=0))
