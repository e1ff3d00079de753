# Daily demand forecaster in the N-BEATS style: a custom block layer turns a 10-day
# window into theta, split into a 10-value backcast and a 1-value forecast; four blocks
# are chained with residual subtraction of the backcasts and summed forecasts.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

LOOKBACK, STEPS_AHEAD = 10, 1


class ForecastBlock(layers.Layer):
    def __init__(self, lookback, steps_ahead, units, depth, **kwargs):
        super().__init__(**kwargs)
        self.lookback, self.steps_ahead = lookback, steps_ahead
        self.fc_stack = [layers.Dense(units, activation="relu") for _ in range(depth)]
        self.theta = layers.Dense(lookback + steps_ahead)

    def call(self, window):
        h = window
        for fc in self.fc_stack:
            h = fc(h)
        theta = self.theta(h)
        return theta[:, :self.lookback], theta[:, -self.steps_ahead:]


rng = np.random.default_rng(31)
demand = (200 + 30 * np.sin(np.arange(420) * 2 * np.pi / 7) + rng.normal(0, 5, 420)).astype("float32")
windows = np.lib.stride_tricks.sliding_window_view(demand[:-1], LOOKBACK)
next_day = demand[LOOKBACK:]
cut = 330
train_ds = tf.data.Dataset.from_tensor_slices((windows[:cut], next_day[:cut])).batch(64)
valid_ds = tf.data.Dataset.from_tensor_slices((windows[cut:], next_day[cut:])).batch(64)

window_in = keras.Input(shape=(LOOKBACK,), name="window")
backcast, forecast = ForecastBlock(LOOKBACK, STEPS_AHEAD, 24, 2, name="block_0")(window_in)
residual = layers.subtract([window_in, backcast])
for k in range(1, 4):
    backcast, step_forecast = ForecastBlock(LOOKBACK, STEPS_AHEAD, 24, 2, name=f"block_{k}")(residual)
    residual = layers.subtract([residual, backcast])
    forecast = layers.add([forecast, step_forecast])

forecaster = keras.Model(window_in, forecast)
forecaster.compile(loss="mae", optimizer=keras.optimizers.Adam(1e-3))
forecaster.fit(train_ds, validation_data=valid_ds, epochs=2, verbose=0)
preds = forecaster.predict(valid_ds, verbose=0)[:, 0]
print(preds.shape, float(np.mean(np.abs(preds - next_day[cut:]))))
