import numpy as np
import keras
from keras import layers, ops

rng = np.random.default_rng(953)
n = 1024
unique_user_ids = np.arange(1, 151)
unique_movie_ids = np.arange(1, 401)
user_id = rng.choice(unique_user_ids, size=n)
movie_id = rng.choice(unique_movie_ids, size=n)
user_rating = rng.integers(1, 6, size=n).astype("float32")


class MovielensModel(keras.Model):
    def __init__(self, rating_weight, retrieval_weight):
        super().__init__()
        embedding_dimension = 32
        self.movie_model = keras.Sequential([
            layers.IntegerLookup(vocabulary=unique_movie_ids, mask_token=None),
            layers.Embedding(len(unique_movie_ids) + 1, embedding_dimension),
        ])
        self.user_model = keras.Sequential([
            layers.IntegerLookup(vocabulary=unique_user_ids, mask_token=None),
            layers.Embedding(len(unique_user_ids) + 1, embedding_dimension),
        ])
        self.rating_model = keras.Sequential([
            layers.Dense(256, activation="relu"),
            layers.Dense(128, activation="relu"),
            layers.Dense(1),
        ])
        self.rating_weight = rating_weight
        self.retrieval_weight = retrieval_weight

    def call(self, features):
        user_embeddings = self.user_model(features["user_id"])
        movie_embeddings = self.movie_model(features["movie_id"])
        rating_predictions = self.rating_model(ops.concatenate([user_embeddings, movie_embeddings], axis=1))
        return user_embeddings, movie_embeddings, rating_predictions

    def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None, training=True):
        user_embeddings, movie_embeddings, rating_predictions = y_pred
        rating_loss = ops.mean(ops.square(y - rating_predictions))
        scores = ops.matmul(user_embeddings, ops.transpose(movie_embeddings))
        retrieval_loss = ops.mean(keras.losses.categorical_crossentropy(
            ops.eye(ops.shape(scores)[0]), scores, from_logits=True))
        return self.rating_weight * rating_loss + self.retrieval_weight * retrieval_loss


model = MovielensModel(rating_weight=1.0, retrieval_weight=1.0)
model.compile(optimizer=keras.optimizers.Adagrad(0.1))
model.fit({"user_id": user_id, "movie_id": movie_id}, user_rating, batch_size=128, epochs=2, verbose=0)
_, _, predicted = model.predict({"user_id": user_id[:256], "movie_id": movie_id[:256]}, verbose=0)
print("rating RMSE:", float(np.sqrt(np.mean((predicted[:, 0] - user_rating[:256]) ** 2))))
