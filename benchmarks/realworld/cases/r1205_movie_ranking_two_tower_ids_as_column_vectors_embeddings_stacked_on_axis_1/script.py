import numpy as np
import tensorflow as tf
import keras

users_count, movies_count = 50, 120
rng = np.random.default_rng(9)
n = 2000
table = np.stack(
    [rng.integers(1, users_count + 1, n), rng.integers(1, movies_count + 1, n), rng.integers(1, 6, n)],
    axis=1,
)  # columns: user_id, movie_id, user_rating
user_ids = table[:, 0:1].astype("int32")
movie_ids = table[:, 1:2].astype("int32")
ratings = table[:, 2].astype("float32")
ds = tf.data.Dataset.from_tensor_slices(({"user_id": user_ids, "movie_id": movie_ids}, (ratings - 1.0) / 4.0))
ds = ds.shuffle(n, seed=42, reshuffle_each_iteration=False)
train_ratings = ds.take(1600).batch(200).cache()
test_ratings = ds.skip(1600).batch(200).cache()


class RankingModel(keras.Model):
    def __init__(self, num_users, num_candidates, embedding_dimension=16, **kwargs):
        super().__init__(**kwargs)
        self.user_embedding = keras.layers.Embedding(num_users, embedding_dimension)
        self.candidate_embedding = keras.layers.Embedding(num_candidates, embedding_dimension)
        self.ratings = keras.Sequential(
            [
                keras.layers.Dense(64, activation="relu"),
                keras.layers.Dense(16, activation="relu"),
                keras.layers.Dense(1),
            ]
        )

    def call(self, inputs):
        user_embeddings = self.user_embedding(inputs["user_id"])
        candidate_embeddings = self.candidate_embedding(inputs["movie_id"])
        return self.ratings(keras.ops.concatenate([user_embeddings, candidate_embeddings], axis=1))


model = RankingModel(users_count + 1, movies_count + 1)
model.compile(
    loss=keras.losses.MeanSquaredError(),
    metrics=[keras.metrics.RootMeanSquaredError()],
    optimizer=keras.optimizers.Adagrad(learning_rate=0.1),
)
model.fit(train_ratings, epochs=2, verbose=0)
print(model.evaluate(test_ratings, return_dict=True, verbose=0))

user_id = 42
candidate_movies = [104, 41, 31]
predictions = model.predict(
    {
        "user_id": keras.ops.array([user_id] * len(candidate_movies)),
        "movie_id": keras.ops.array(candidate_movies),
    },
    verbose=0,
)
predictions = keras.ops.convert_to_numpy(keras.ops.squeeze(predictions, axis=1))
for movie_id, prediction in sorted(zip(candidate_movies, predictions), key=lambda t: -t[1]):
    print(f"movie {movie_id}: {1.0 + 4.0 * prediction:.2f}")
