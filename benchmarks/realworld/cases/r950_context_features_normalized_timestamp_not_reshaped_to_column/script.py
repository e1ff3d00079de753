import numpy as np
import keras
from keras import layers, ops

rng = np.random.default_rng(950)
n = 600
unique_user_ids = np.arange(1, 101)
unique_movie_ids = np.arange(1, 201)
user_id = rng.choice(unique_user_ids, size=n)
movie_id = rng.choice(unique_movie_ids, size=n)
timestamps = rng.uniform(874724710, 893286638, size=n)
timestamp_buckets = np.linspace(timestamps.min(), timestamps.max(), num=1000)


class UserModel(keras.Model):
    def __init__(self):
        super().__init__()
        self.user_embedding = keras.Sequential([
            layers.IntegerLookup(vocabulary=unique_user_ids, mask_token=None),
            layers.Embedding(len(unique_user_ids) + 1, 32),
        ])
        self.timestamp_embedding = keras.Sequential([
            layers.Discretization(timestamp_buckets.tolist()),
            layers.Embedding(len(timestamp_buckets) + 1, 32),
        ])
        self.normalized_timestamp = layers.Normalization(axis=None)
        self.normalized_timestamp.adapt(timestamps)

    def call(self, inputs):
        return ops.concatenate([
            self.user_embedding(inputs["user_id"]),
            self.timestamp_embedding(inputs["timestamp"]),
            self.normalized_timestamp(inputs["timestamp"]),
        ], axis=1)


class MovielensModel(keras.Model):
    def __init__(self):
        super().__init__()
        self.query_model = keras.Sequential([UserModel(), layers.Dense(32)])
        self.candidate_model = keras.Sequential([
            layers.IntegerLookup(vocabulary=unique_movie_ids, mask_token=None),
            layers.Embedding(len(unique_movie_ids) + 1, 32),
            layers.Dense(32),
        ])

    def call(self, features):
        query_embeddings = self.query_model({"user_id": features["user_id"],
                                             "timestamp": features["timestamp"]})
        movie_embeddings = self.candidate_model(features["movie_id"])
        return ops.matmul(query_embeddings, ops.transpose(movie_embeddings))

    def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None, training=True):
        labels = ops.eye(ops.shape(y_pred)[0])
        return ops.mean(keras.losses.categorical_crossentropy(labels, y_pred, from_logits=True))


model = MovielensModel()
model.compile(optimizer=keras.optimizers.Adagrad(0.1))
features = {"user_id": user_id, "movie_id": movie_id, "timestamp": timestamps}
model.fit(features, batch_size=128, epochs=2, verbose=0)
print("trained, loss:", float(model.evaluate(features, batch_size=128, verbose=0)))
