# N-BEATS building block (course notebook): a custom layer with a stack of Dense
# layers and a linear theta layer split into backcast and forecast; it is first tried
# on a dummy window, then used in a small two-block model on windowed prices.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

WINDOW_SIZE, HORIZON = 7, 1


class NBeatsBlock(layers.Layer):
    def __init__(self, input_size, theta_size, horizon, n_neurons, n_layers, **kwargs):
        super().__init__(**kwargs)
        self.input_size, self.theta_size, self.horizon = input_size, theta_size, horizon
        self.hidden = [layers.Dense(n_neurons, activation="relu") for _ in range(n_layers)]
        self.theta_layer = layers.Dense(theta_size, activation="linear", name="theta")

    def call(self, inputs):
        x = inputs
        for layer in self.hidden:
            x = layer(x)
        theta = self.theta_layer(x)
        backcast, forecast = theta[:, :self.input_size], theta[:, -self.horizon:]
        return backcast, forecast


dummy_nbeats_block_layer = NBeatsBlock(input_size=WINDOW_SIZE, theta_size=WINDOW_SIZE + HORIZON,
                                       horizon=HORIZON, n_neurons=32, n_layers=4)
dummy_inputs = tf.range(WINDOW_SIZE) + 1
backcast, forecast = dummy_nbeats_block_layer(dummy_inputs)
print(f"Backcast: {tf.squeeze(backcast).numpy()}")
print(f"Forecast: {tf.squeeze(forecast).numpy()}")

rng = np.random.default_rng(17)
prices = (100 + np.cumsum(rng.normal(0.5, 3, 300))).astype("float32")
X = np.stack([prices[i:i + WINDOW_SIZE] for i in range(len(prices) - WINDOW_SIZE)])
y = prices[WINDOW_SIZE:]
stack_input = layers.Input(shape=(WINDOW_SIZE,))
backcast, forecast = NBeatsBlock(WINDOW_SIZE, WINDOW_SIZE + HORIZON, HORIZON, 32, 2)(stack_input)
residuals = layers.subtract([stack_input, backcast])
_, block_forecast = NBeatsBlock(WINDOW_SIZE, WINDOW_SIZE + HORIZON, HORIZON, 32, 2)(residuals)
model = keras.Model(stack_input, layers.add([forecast, block_forecast]))
model.compile(loss="mae", optimizer="adam")
model.fit(X, y, epochs=2, batch_size=64, verbose=0)
