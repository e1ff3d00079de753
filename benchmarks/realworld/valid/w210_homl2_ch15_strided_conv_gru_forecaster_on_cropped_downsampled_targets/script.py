import numpy as np
import keras
from keras import layers

steps = 60
horizon = 5
rng = np.random.default_rng(7)


def make_waves(count, length):
    f1, f2, o1, o2 = rng.random((4, count, 1))
    t = np.linspace(0, 1, length)
    waves = 0.6 * np.sin((t - o1) * (f1 * 8 + 8))
    waves += 0.3 * np.sin((t - o2) * (f2 * 16 + 16))
    waves += 0.05 * rng.standard_normal((count, length))
    return waves[..., np.newaxis].astype(np.float32)


waves = make_waves(240, steps + horizon)
inputs = waves[:, :steps]
targets = np.stack([waves[:, k:k + steps, 0] for k in range(1, horizon + 1)],
                   axis=-1)
train_in, val_in = inputs[:180], inputs[180:]
train_out, val_out = targets[:180], targets[180:]

forecaster = keras.Sequential([
    keras.Input(shape=[None, 1]),
    layers.Conv1D(16, kernel_size=4, strides=2, padding="valid"),
    layers.GRU(16, return_sequences=True),
    layers.GRU(16, return_sequences=True),
    layers.TimeDistributed(layers.Dense(horizon)),
])
forecaster.compile(loss="mse", optimizer="adam")
forecaster.fit(train_in, train_out[:, 3::2], epochs=2, verbose=0,
               validation_data=(val_in, val_out[:, 3::2]))
print("output steps:", forecaster.predict(val_in[:2], verbose=0).shape)
