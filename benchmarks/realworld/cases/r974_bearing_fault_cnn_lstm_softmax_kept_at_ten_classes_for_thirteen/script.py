import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(974)

# 13 bearing conditions: normal + 4 fault locations x 3 fault sizes
conditions = ["normal"] + [f"{loc}_{size}" for loc in ("inner", "ball", "outer_6", "outer_3") for size in ("007", "014", "021")]
n_per_class, seg_len = 24, 400


def make_segments(cond_id, n):
    t = np.arange(seg_len) / 12000.0
    f = 60.0 + 35.0 * cond_id
    base = np.sin(2 * np.pi * f * t)
    return base + 0.4 * rng.normal(size=(n, seg_len))


x = np.concatenate([make_segments(i, n_per_class) for i in range(len(conditions))]).astype("float32")
y = np.repeat(np.arange(len(conditions)), n_per_class)
order = rng.permutation(len(x))
x, y = x[order][..., None], y[order]
y_onehot = keras.utils.to_categorical(y, num_classes=len(conditions))
split = int(0.8 * len(x))
x_train, x_test, y_train, y_test = x[:split], x[split:], y_onehot[:split], y_onehot[split:]

model = keras.Sequential([
    keras.Input(shape=(seg_len, 1)),
    layers.Conv1D(32, 20, strides=2, padding="same", activation="relu"),
    layers.MaxPooling1D(2),
    layers.Conv1D(64, 10, padding="same", activation="relu"),
    layers.MaxPooling1D(2),
    layers.LSTM(32),
    layers.Dense(64, activation="relu"),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=32, epochs=1, validation_data=(x_test, y_test), verbose=0)
loss, acc = model.evaluate(x_test, y_test, verbose=0)
print(f"test accuracy {acc:.3f}")
