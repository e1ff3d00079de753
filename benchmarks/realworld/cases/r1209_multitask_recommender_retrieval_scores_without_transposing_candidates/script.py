import numpy as np
import tensorflow as tf
import keras

users_count, movies_count = 60, 150
rng = np.random.default_rng(12)
n = 2000
inputs = {
    "user_id": rng.integers(1, users_count + 1, n).astype("int32"),
    "movie_id": rng.integers(1, movies_count + 1, n).astype("int32"),
}
scaled_ratings = (rng.integers(1, 6, n).astype("float32") - 1.0) / 4.0
shuffled = tf.data.Dataset.from_tensor_slices((inputs, scaled_ratings)).shuffle(n, seed=42)
train_ratings = shuffled.take(1600).batch(200).cache()
test_ratings = shuffled.skip(1600).batch(200).cache()


class MultiTaskModel(keras.Model):
    def __init__(self, num_users, num_candidates, embedding_dimension=16, layer_sizes=(64, 32),
                 retrieval_loss_wt=1.0, ranking_loss_wt=1.0, **kwargs):
        super().__init__(**kwargs)
        self.user_embedding = keras.layers.Embedding(num_users, embedding_dimension)
        self.candidate_embedding = keras.layers.Embedding(num_candidates, embedding_dimension)
        self.rating_model = keras.Sequential(
            [keras.layers.Dense(size, activation="relu") for size in layer_sizes] + [keras.layers.Dense(1)]
        )
        self.retrieval_loss_fn = keras.losses.CategoricalCrossentropy(from_logits=True, reduction="sum")
        self.ranking_loss_fn = keras.losses.MeanSquaredError()
        self.rmse_metric = keras.metrics.RootMeanSquaredError()
        self.retrieval_loss_wt = retrieval_loss_wt
        self.ranking_loss_wt = ranking_loss_wt

    def call(self, inputs, training=False):
        user_embeddings = self.user_embedding(inputs["user_id"])
        candidate_embeddings = self.candidate_embedding(inputs["movie_id"])
        rating = self.rating_model(keras.ops.concatenate([user_embeddings, candidate_embeddings], axis=1))
        return {"user_embeddings": user_embeddings, "candidate_embeddings": candidate_embeddings, "rating": rating}

    def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None, training=True):
        user_embeddings = y_pred["user_embeddings"]
        candidate_embeddings = y_pred["candidate_embeddings"]
        scores = keras.ops.matmul(user_embeddings, candidate_embeddings)
        num_users = keras.ops.shape(user_embeddings)[0]
        num_candidates = keras.ops.shape(candidate_embeddings)[0]
        retrieval_labels = keras.ops.eye(num_users, num_candidates)
        retrieval_loss = self.retrieval_loss_fn(retrieval_labels, scores, sample_weight)
        ranking_labels = keras.ops.expand_dims(y, -1)
        ranking_loss = self.ranking_loss_fn(ranking_labels, y_pred["rating"], sample_weight)
        return self.retrieval_loss_wt * retrieval_loss + self.ranking_loss_wt * ranking_loss

    def compute_metrics(self, x, y, y_pred, sample_weight=None):
        self.rmse_metric.update_state(y, y_pred["rating"], sample_weight=sample_weight)
        return self.get_metrics_result()


model = MultiTaskModel(num_users=users_count + 1, num_candidates=movies_count + 1)
model.compile(optimizer=keras.optimizers.Adagrad(0.1))
model.fit(train_ratings, epochs=2, verbose=0)
print(model.evaluate(test_ratings, return_dict=True, verbose=0))
