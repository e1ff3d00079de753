import numpy as np
import keras
from keras import layers, ops

rng = np.random.default_rng(954)
n = 900
unique_user_ids = np.arange(1, 944)
unique_movie_ids = np.arange(1, 1683)
user_id = rng.choice(unique_user_ids, size=n)
movie_id = rng.choice(unique_movie_ids, size=n)
user_rating = rng.integers(1, 6, size=n).astype("float32")


class RankingModel(keras.Model):
    def __init__(self):
        super().__init__()
        embedding_dimension = 32
        self.user_embeddings = keras.Sequential([
            layers.IntegerLookup(vocabulary=unique_user_ids, mask_token=None),
            layers.Embedding(len(unique_user_ids) + 1, embedding_dimension),
        ])
        self.movie_embeddings = keras.Sequential([
            layers.IntegerLookup(vocabulary=unique_movie_ids, mask_token=None),
            layers.Embedding(len(unique_movie_ids) + 1, embedding_dimension),
        ])
        self.ratings = keras.Sequential([
            layers.Dense(256, activation="relu"),
            layers.Dense(64, activation="relu"),
            layers.Dense(1),
        ])

    def call(self, features):
        user_embedding = self.user_embeddings(features["user_id"])
        movie_embedding = self.movie_embeddings(features["movie_id"])
        return self.ratings(ops.concatenate([user_embedding, movie_embedding], axis=1))


model = RankingModel()
model.compile(optimizer=keras.optimizers.Adagrad(learning_rate=0.1), loss="mse",
              metrics=[keras.metrics.RootMeanSquaredError()])
model.fit({"user_id": user_id, "movie_id": movie_id}, user_rating, batch_size=128, epochs=2, verbose=0)

# how would user 42 rate a few films?
test_ratings = {}
for movie in [98, 181, 258]:
    test_ratings[movie] = model({"user_id": np.array(42), "movie_id": np.array(movie)})
for movie, score in sorted(test_ratings.items(), key=lambda kv: float(kv[1][0, 0]), reverse=True):
    print(f"movie {movie}: {float(score[0, 0]):.2f}")
