import numpy as np
import keras
from keras import layers, ops

batch_size = 8
steps = 10
channels = 3
hidden_units = 20


class LoopRNN(layers.Layer):
    """Hand-unrolled recurrent layer returning the whole sequence of states."""

    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.input_proj = layers.Dense(units, activation="tanh")
        self.state_proj = layers.Dense(units, activation="tanh")

    def call(self, inputs):
        state = ops.zeros((inputs.shape[0], self.units))
        states = []
        for t in range(inputs.shape[1]):
            state = self.input_proj(inputs[:, t, :]) + self.state_proj(state)
            states.append(state)
        return ops.stack(states, axis=1)


# Vibration windows from 3 accelerometer axes; target = RMS of the last axis.
rng = np.random.default_rng(11)
windows = rng.normal(size=(96, steps, channels)).astype("float32")
rms = np.sqrt((windows[:, :, 2] ** 2).mean(axis=1)).reshape(-1, 1).astype("float32")

inputs = keras.Input(batch_shape=(batch_size, steps, channels))
seq = LoopRNN(hidden_units)(inputs)
pooled = layers.GlobalAveragePooling1D()(seq)
outputs = layers.Dense(1)(pooled)
model = keras.Model(inputs, outputs)

model.compile(optimizer="adam", loss="mse", metrics=["mae"])
model.fit(windows[:64], rms[:64], batch_size=batch_size, epochs=2, verbose=0)
print("val mae:", model.evaluate(windows[64:], rms[64:], batch_size=batch_size, verbose=0)[1])
print("predictions:", model.predict(windows[64:72], batch_size=batch_size, verbose=0).ravel().round(3))
