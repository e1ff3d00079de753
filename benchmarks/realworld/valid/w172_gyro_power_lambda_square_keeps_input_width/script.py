import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(8)
n_samples = 200
# angular rate around roll, pitch and yaw for each recording
rates = rng.normal(size=(n_samples, 3)).astype("float32")
spin_power = (rates ** 2).sum(axis=1, keepdims=True)

rates_in = keras.Input(shape=(3,), name="gyro")
rates_sq = layers.Lambda(lambda r: r ** 2, name="square_rates")(rates_in)
hidden = layers.Dense(12, activation="relu")(rates_sq)
power_out = layers.Dense(1)(hidden)
power_model = keras.Model(rates_in, power_out)
power_model.compile(optimizer="adam", loss="mse")

fit_log = power_model.fit(rates, spin_power, batch_size=25, epochs=2, verbose=0)
print("loss after training", round(fit_log.history["loss"][-1], 4))
