# Three-sensor load forecaster with generic N-BEATS blocks: the builder is told the number of
# input variables, so each flattened 16-step window of 3 sensors has the 48 values it expects.
import numpy as np
import keras
from keras import layers


def build_nbeats(lookback, horizon, n_inputs=1, n_outputs=1, blocks=3, units=24, theta=6):
    window = keras.Input(shape=(lookback, n_inputs))
    remainder = layers.Flatten()(window)
    total = None
    for _ in range(blocks):
        hidden = remainder
        for _ in range(2):
            hidden = layers.Dense(units, activation="relu")(hidden)
        back = layers.Dense(lookback * n_inputs)(layers.Dense(theta, use_bias=False)(hidden))
        fore = layers.Dense(horizon * n_outputs)(layers.Dense(theta, use_bias=False)(hidden))
        remainder = layers.Subtract()([remainder, back])
        total = fore if total is None else layers.Add()([total, fore])
    return keras.Model(window, layers.Reshape((horizon, n_outputs))(total))


lookback, horizon, sensors = 16, 2, 3
gen = np.random.default_rng(201)
readings = gen.normal(size=(900, lookback + horizon, sensors)).astype("float32")
history, future_load = readings[:, :lookback, :], readings[:, lookback:, :1]

forecaster = build_nbeats(lookback, horizon, n_inputs=sensors, n_outputs=1)
forecaster.compile(loss="mae", optimizer="adam")
split = 800
forecaster.fit(history[:split], future_load[:split], epochs=2, batch_size=64, verbose=0)
print("holdout mae", forecaster.evaluate(history[split:], future_load[split:], verbose=0))
