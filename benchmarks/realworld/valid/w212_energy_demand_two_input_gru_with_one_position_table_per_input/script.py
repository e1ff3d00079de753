import numpy as np
import keras
from keras import layers, ops


class AddedPositionTable(layers.Layer):
    """Learned (steps, width) position table added to a sequence of the same width."""

    def __init__(self, steps, width, **kwargs):
        super().__init__(**kwargs)
        self.steps = steps
        self.width = width

    def build(self, input_shape):
        self.table = self.add_weight(shape=(self.steps, self.width),
                                     initializer="uniform", name="table")

    def compute_output_shape(self, input_shape):
        return input_shape

    def call(self, inputs):
        steps = ops.shape(inputs)[1]
        return inputs + ops.expand_dims(self.table[:steps], 0)


lookback = 24
rng = np.random.default_rng(21)
n_days = 90
weather = rng.normal(size=(n_days, lookback, 5)).astype("float32")  # temp, humidity, wind, cloud, rain
load = rng.normal(size=(n_days, lookback, 3)).astype("float32")     # demand, price, outages
next_demand = rng.normal(size=(n_days, 1)).astype("float32")

weather_in = keras.Input(shape=(lookback, 5), name="weather")
load_in = keras.Input(shape=(lookback, 3), name="load")
weather_seq = AddedPositionTable(lookback, 5, name="weather_positions")(weather_in)
load_seq = AddedPositionTable(lookback, 3, name="load_positions")(load_in)
weather_feat = layers.GRU(12)(weather_seq)
load_feat = layers.GRU(6)(load_seq)
joined = layers.concatenate([weather_feat, load_feat])
output = layers.Dense(1)(layers.Dense(12, activation="relu")(joined))
model = keras.Model([weather_in, load_in], output)
model.compile(optimizer="adam", loss="mse", metrics=["mae"])

model.fit({"weather": weather, "load": load}, next_demand,
          batch_size=15, epochs=1, validation_split=0.2)
loss, mae = model.evaluate({"weather": weather[:30], "load": load[:30]},
                           next_demand[:30], verbose=0)
print("mae:", mae)
