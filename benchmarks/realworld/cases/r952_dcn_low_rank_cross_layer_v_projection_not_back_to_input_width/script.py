import numpy as np
import keras
from keras import layers, ops

rng = np.random.default_rng(952)
n = 1000
feature_vocab = {"movie_id": 300, "user_id": 120, "user_zip_code": 80,
                 "user_occupation": 21, "user_gender": 2, "bucketized_user_age": 7}
features = {name: rng.integers(0, size, size=n) for name, size in feature_vocab.items()}
user_rating = rng.integers(1, 6, size=(n, 1)).astype("float32")


class Cross(layers.Layer):
    """Low-rank DCN cross layer: x0 * (V(U(x)) + b) + x."""

    def __init__(self, projection_dim=None, **kwargs):
        super().__init__(**kwargs)
        self.projection_dim = projection_dim

    def build(self, input_shape):
        last_dim = input_shape[-1]
        if self.projection_dim is None:
            self.dense = layers.Dense(last_dim)
        else:
            self.dense_u = layers.Dense(self.projection_dim, use_bias=False)
            self.dense_v = layers.Dense(self.projection_dim)

    def call(self, x0, x=None):
        if x is None:
            x = x0
        if self.projection_dim is None:
            prod_output = self.dense(x)
        else:
            prod_output = self.dense_v(self.dense_u(x))
        return x0 * prod_output + x


class DCN(keras.Model):
    def __init__(self, deep_layer_sizes, projection_dim=None):
        super().__init__()
        self.embedding_dimension = 32
        self.all_features = list(feature_vocab)
        self.embeddings = {name: layers.Embedding(size + 1, self.embedding_dimension)
                           for name, size in feature_vocab.items()}
        self.cross_layer = Cross(projection_dim=projection_dim)
        self.deep_layers = [layers.Dense(size, activation="relu") for size in deep_layer_sizes]
        self.logit_layer = layers.Dense(1)

    def call(self, features):
        x = ops.concatenate([self.embeddings[name](features[name]) for name in self.all_features], axis=1)
        x = self.cross_layer(x)
        for deep_layer in self.deep_layers:
            x = deep_layer(x)
        return self.logit_layer(x)


dcn_lr = DCN(deep_layer_sizes=[192, 192], projection_dim=20)
dcn_lr.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse",
               metrics=[keras.metrics.RootMeanSquaredError("RMSE")])
dcn_lr.fit(features, user_rating, batch_size=128, epochs=2, verbose=0)
print(dcn_lr.evaluate(features, user_rating, batch_size=256, return_dict=True, verbose=0))
