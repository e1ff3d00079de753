import numpy as np
import keras
from keras import layers

# windows of 128 two-channel samples (e.g. I/Q readings); two values to regress per window
rng = np.random.default_rng(3)
n_windows, win_len = 64, 128
t = np.linspace(0.0, 1.0, win_len, dtype="float32")
freq = rng.uniform(2.0, 8.0, size=(n_windows, 1)).astype("float32")
amp = rng.uniform(0.5, 2.0, size=(n_windows, 1)).astype("float32")
i_ch = amp * np.cos(2 * np.pi * freq * t)
q_ch = amp * np.sin(2 * np.pi * freq * t)
X = np.stack([i_ch, q_ch], axis=-1).astype("float32")      # (64, 128, 2)
y = np.concatenate([freq / 8.0, amp / 2.0], axis=1)        # (64, 2)

model = keras.Sequential()
model.add(keras.Input(shape=(win_len, 2)))
model.add(layers.Dense(50, kernel_initializer="he_normal", activation="relu"))
model.add(layers.Dense(20, kernel_initializer="he_normal", activation="relu"))
model.add(layers.Dense(5, kernel_initializer="he_normal", activation="relu"))
model.add(layers.Dense(2))
model.compile(optimizer="adam", loss="mse", metrics=["mae"])

model.fit(X, y, epochs=2, batch_size=16, verbose=0)
print("window estimates:", model.predict(X[:3], verbose=0).shape)
