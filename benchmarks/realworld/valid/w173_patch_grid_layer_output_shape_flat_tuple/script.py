import numpy as np
import keras
from keras import layers, ops


class ToPatchGrid(layers.Layer):
    """Turns a projected vector into a small grid of patch embeddings."""

    def __init__(self, grid, **kwargs):
        super().__init__(**kwargs)
        self.grid = tuple(grid)

    def call(self, inputs):
        return ops.reshape(inputs, (-1,) + self.grid)

    def compute_output_shape(self, input_shape):
        return (input_shape[0],) + self.grid


rng = np.random.default_rng(13)
n_rows, n_cols = 150, 12
table = rng.normal(size=(n_rows, n_cols)).astype("float32")
churned = (table[:, 0] - table[:, 5] > 0).astype("float32")

table_in = keras.Input(shape=(n_cols,))
proj = layers.Dense(24, activation="relu")(table_in)
patches = ToPatchGrid((6, 4))(proj)
seq = layers.GRU(10)(patches)
churn_prob = layers.Dense(1, activation="sigmoid")(seq)
churn_model = keras.Model(table_in, churn_prob)
churn_model.compile(optimizer="adam", loss="binary_crossentropy")

churn_model.fit(table, churned, batch_size=25, epochs=2, verbose=0)
print("predictions", churn_model.predict(table[:4], verbose=0).shape)
