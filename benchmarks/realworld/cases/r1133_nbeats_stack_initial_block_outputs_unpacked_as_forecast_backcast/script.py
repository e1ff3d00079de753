# N-BEATS style univariate forecaster (course notebook): a custom NBeatsBlock layer
# maps a 7-day window to theta and splits it into a backcast (7 values) and a forecast
# (1 value); blocks are stacked with double residual links (subtract / add).
import numpy as np
import tensorflow as tf
import keras
from keras import layers

HORIZON, WINDOW_SIZE = 1, 7
INPUT_SIZE = WINDOW_SIZE * HORIZON
THETA_SIZE = INPUT_SIZE + HORIZON
N_NEURONS, N_LAYERS, N_STACKS = 32, 2, 3


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


rng = np.random.default_rng(5)
prices = (500 + np.cumsum(rng.normal(1, 10, 500))).astype("float32")
X = np.stack([prices[WINDOW_SIZE - i - 1:len(prices) - i - 1] for i in range(WINDOW_SIZE)], axis=1)
y = prices[WINDOW_SIZE:]
split_size = int(len(X) * 0.8)
train_dataset = tf.data.Dataset.from_tensor_slices((X[:split_size], y[:split_size])).batch(128)
test_dataset = tf.data.Dataset.from_tensor_slices((X[split_size:], y[split_size:])).batch(128)

stack_input = layers.Input(shape=(INPUT_SIZE,), name="stack_input")
forecast, backcast = NBeatsBlock(INPUT_SIZE, THETA_SIZE, HORIZON, N_NEURONS, N_LAYERS, name="InitialBlock")(stack_input)
residuals = layers.subtract([stack_input, backcast], name="subtract_00")
for i in range(N_STACKS - 1):
    backcast, block_forecast = NBeatsBlock(INPUT_SIZE, THETA_SIZE, HORIZON, N_NEURONS, N_LAYERS,
                                           name=f"NBeatsBlock_{i}")(residuals)
    residuals = layers.subtract([residuals, backcast], name=f"subtract_{i}")
    forecast = layers.add([forecast, block_forecast], name=f"add_{i}")

model_7 = keras.Model(inputs=stack_input, outputs=forecast, name="model_7_N-BEATS")
model_7.compile(loss="mae", optimizer=keras.optimizers.Adam(0.001), metrics=["mae", "mse"])
model_7.fit(train_dataset, epochs=2, validation_data=test_dataset, verbose=0)
model_7_preds = tf.squeeze(model_7.predict(test_dataset, verbose=0))
print("preds:", model_7_preds.shape, "test mae:", model_7.evaluate(test_dataset, verbose=0)[0])
