# Two sensor streams (supply and return temperature) forecast the next heat-meter reading;
# each stream gets its own small 1D CNN head and the heads are merged before the regressor.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(198)
t = np.arange(120, dtype="float32")
supply = 60 + 5 * np.sin(t / 6) + rng.normal(0, 0.3, 120)
ret = 40 + 4 * np.sin(t / 6 + 0.5) + rng.normal(0, 0.3, 120)
meter = (supply - ret) * 1.7
table = np.stack([supply, ret, meter], axis=1).astype("float32")

window = 4
xs, ys = [], []
for start in range(len(table) - window + 1):
    xs.append(table[start:start + window, :2])
    ys.append(table[start + window - 1, 2])
windows, targets = np.array(xs), np.array(ys)
supply_windows = windows[:, :, 0][..., np.newaxis]
return_windows = windows[:, :, 1][..., np.newaxis]


def sensor_head(name):
    inp = keras.Input(shape=(window, 1), name=name)
    h = layers.Conv1D(8, 2, activation="relu")(inp)
    h = layers.MaxPooling1D(2)(h)
    return inp, layers.Flatten()(h)


supply_in, supply_feat = sensor_head("supply")
return_in, return_feat = sensor_head("return")
joined = layers.concatenate([supply_feat, return_feat])
reading = layers.Dense(1)(layers.Dense(24, activation="relu")(joined))
heat_model = keras.Model([supply_in, return_in], reading)
heat_model.compile(optimizer="adam", loss="mse")

heat_model.fit([supply_windows, return_windows], targets, epochs=2, batch_size=16, verbose=0)
recent = table[-window:]
forecast = heat_model.predict([recent[:, 0].reshape(1, window, 1), recent[:, 1].reshape(1, window, 1)], verbose=0)
print("next meter reading:", float(forecast[0, 0]))
