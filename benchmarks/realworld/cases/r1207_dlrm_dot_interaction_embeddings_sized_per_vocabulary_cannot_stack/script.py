import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

EMBEDDING_DIM = 16
vocabularies = {
    "movie_id": np.arange(1, 121),
    "user_id": np.arange(1, 51),
    "user_gender": np.array([0, 1]),
    "bucketized_user_age": np.array([1, 18, 25, 35, 45, 50, 56]),
    "user_occupation_label": np.arange(21),
}
rng = np.random.default_rng(10)
n = 1200
features = {name: rng.integers(0, len(vocab), n).astype("int32") for name, vocab in vocabularies.items()}
user_rating = rng.integers(1, 6, n).astype("float32")
ratings_ds = tf.data.Dataset.from_tensor_slices((features, user_rating)).shuffle(n)
train_ds = ratings_ds.take(1000).batch(200).cache()
test_ds = ratings_ds.skip(1000).batch(200).cache()


class DotInteraction(layers.Layer):
    """Pairwise dot products of the feature embeddings (upper triangle)."""

    def call(self, embeddings):
        x = ops.stack(embeddings, axis=1)
        num = len(embeddings)
        pairs = ops.matmul(x, ops.transpose(x, (0, 2, 1)))
        rows, cols = np.triu_indices(num, k=1)
        return ops.take(ops.reshape(pairs, (-1, num * num)), rows * num + cols, axis=1)


class DLRM(keras.Model):
    def __init__(self, dense_num_units_lst, embedding_dim=EMBEDDING_DIM, **kwargs):
        super().__init__(**kwargs)
        self.embedding_layers = [
            layers.Embedding(len(vocabulary) + 1, min(embedding_dim, (len(vocabulary) + 1) // 2))
            for vocabulary in vocabularies.values()
        ]
        self.dot_layer = DotInteraction()
        self.dense_layers = [layers.Dense(units, activation="relu") for units in dense_num_units_lst]
        self.output_layer = layers.Dense(1)

    def call(self, inputs):
        embeddings = [layer(inputs[name]) for name, layer in zip(vocabularies, self.embedding_layers)]
        x = self.dot_layer(embeddings)
        for dense_layer in self.dense_layers:
            x = dense_layer(x)
        return self.output_layer(x)


dot_network = DLRM(dense_num_units_lst=[32, 16])
dot_network.compile(
    loss=keras.losses.MeanSquaredError(),
    metrics=[keras.metrics.RootMeanSquaredError()],
    optimizer=keras.optimizers.AdamW(learning_rate=0.01),
)
dot_network.fit(train_ds, epochs=2, verbose=0)
print("test RMSE:", dot_network.evaluate(test_ds, return_dict=True, verbose=0)["root_mean_squared_error"])
