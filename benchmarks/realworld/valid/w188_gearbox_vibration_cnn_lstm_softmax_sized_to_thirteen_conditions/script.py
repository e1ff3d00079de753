import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(188)

# gearbox test bench: healthy + 4 damaged components x 3 severities
states = ["healthy"] + [f"{part}_{sev}" for part in ("pinion", "gear", "shaft", "bearing") for sev in ("low", "mid", "high")]
windows_per_state, window = 20, 360


def vibration_windows(state_id, n):
    t = np.arange(window) / 10000.0
    tone = np.sin(2 * np.pi * (45.0 + 30.0 * state_id) * t) + 0.3 * np.sin(2 * np.pi * 7.0 * state_id * t)
    return tone + 0.5 * rng.normal(size=(n, window))


signals = np.concatenate([vibration_windows(k, windows_per_state) for k in range(len(states))]).astype("float32")
targets = np.repeat(np.arange(len(states)), windows_per_state)
perm = rng.permutation(len(signals))
signals, targets = signals[perm][..., None], targets[perm]
targets_1h = keras.utils.to_categorical(targets, num_classes=len(states))
cut = int(0.75 * len(signals))

net = keras.Sequential([
    keras.Input(shape=(window, 1)),
    layers.Conv1D(24, 16, strides=2, padding="same", activation="relu"),
    layers.MaxPooling1D(2),
    layers.Conv1D(48, 8, padding="same", activation="relu"),
    layers.MaxPooling1D(3),
    layers.LSTM(24),
    layers.Dense(48, activation="relu"),
    layers.Dense(len(states), activation="softmax"),
])
net.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
net.fit(signals[:cut], targets_1h[:cut], batch_size=32, epochs=1,
        validation_data=(signals[cut:], targets_1h[cut:]), verbose=0)
_, acc = net.evaluate(signals[cut:], targets_1h[cut:], verbose=0)
print(f"{len(states)} states, held-out accuracy {acc:.3f}")
