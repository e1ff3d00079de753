import numpy as np
import keras
from keras import layers

# windows of 96 three-axis vibration samples; regress RMS level and dominant-axis share per window
rng = np.random.default_rng(9)
n_windows, win_len = 72, 96
scale = rng.uniform(0.2, 1.5, size=(n_windows, 1, 3)).astype("float32")
windows = (rng.normal(0.0, 1.0, size=(n_windows, win_len, 3)) * scale).astype("float32")
rms = np.sqrt((windows ** 2).mean(axis=(1, 2)))
share = scale[:, 0, 0] / scale[:, 0, :].sum(axis=1)
targets = np.stack([rms, share], axis=1).astype("float32")          # (72, 2)

model = keras.Sequential([
    keras.Input(shape=(win_len, 3)),
    layers.Dense(32, activation="relu"),      # applied to every sample of the window
    layers.Dense(16, activation="relu"),
    layers.GlobalAveragePooling1D(),          # (batch, 96, 16) -> (batch, 16)
    layers.Dense(2),
])
model.compile(optimizer="adam", loss="mse")
model.fit(windows[:60], targets[:60], epochs=2, batch_size=12, verbose=0)
print("held-out loss:", model.evaluate(windows[60:], targets[60:], verbose=0),
      "estimates:", model.predict(windows[60:63], verbose=0).shape)
