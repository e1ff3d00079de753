import numpy as np
import keras
from keras import layers, ops


class PositionEmbedding(layers.Layer):
    """Learned position embedding added to a (batch, steps, features) input."""

    def __init__(self, max_len, output_dim, **kwargs):
        super().__init__(**kwargs)
        self.max_len = max_len
        self.output_dim = output_dim

    def build(self, input_shape):
        self.embeddings = self.add_weight(
            shape=(self.max_len, self.output_dim), initializer="uniform",
            name="embeddings")

    def compute_output_shape(self, input_shape):
        return input_shape

    def call(self, inputs):
        seq_len = ops.shape(inputs)[1]
        pos = self.embeddings[:seq_len, : self.output_dim]
        return inputs + ops.expand_dims(pos, 0)


window = 30
rng = np.random.default_rng(7)
n = 120
prices = rng.normal(size=(n, window, 4)).astype("float32")    # open, high, low, close
activity = rng.normal(size=(n, window, 2)).astype("float32")  # volume, trade count
next_return = rng.normal(size=(n, 1)).astype("float32")

price_in = keras.Input(shape=(window, 4), name="prices")
activity_in = keras.Input(shape=(window, 2), name="activity")
time_embedding = PositionEmbedding(window, 4, name="time_embedding")
price_seq = time_embedding(price_in)
activity_seq = time_embedding(activity_in)
price_feat = layers.LSTM(16)(price_seq)
activity_feat = layers.LSTM(8)(activity_seq)
merged = layers.concatenate([price_feat, activity_feat])
hidden = layers.Dense(16, activation="relu")(merged)
output = layers.Dense(1)(hidden)
model = keras.Model([price_in, activity_in], output)
model.compile(optimizer="adam", loss="mse")
model.summary()

model.fit({"prices": prices, "activity": activity}, next_return,
          batch_size=16, epochs=1, validation_split=0.2)
print(model.predict({"prices": prices[:3], "activity": activity[:3]}, verbose=0))
