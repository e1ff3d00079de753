import numpy as np
import keras
from keras import layers

# change detector on pairs of RGB frames stacked along the channel axis (6 channels);
# the stem convolves each frame separately with groups=2, later blocks use cardinality 8
rng = np.random.default_rng(21)
n_pairs, size = 64, 24
before = rng.uniform(0, 1, size=(n_pairs, size, size, 3)).astype("float32")
after = before.copy()
changed = rng.integers(0, 2, size=n_pairs)
for i in np.flatnonzero(changed):
    r, c = rng.integers(0, size - 6, size=2)
    after[i, r:r + 6, c:c + 6] = rng.uniform(0, 1, size=(6, 6, 3))
pairs = np.concatenate([before, after], axis=-1)

inputs = keras.Input(shape=(size, size, 6))
x = layers.Conv2D(16, 3, padding="same", groups=2, activation="relu")(inputs)
x = layers.Conv2D(32, 1, activation="relu")(x)
for filters in (32, 64):
    y = layers.Conv2D(filters, 3, padding="same", groups=8, activation="relu")(x)
    y = layers.Conv2D(filters, 3, padding="same", groups=8)(y)
    shortcut = layers.Conv2D(filters, 1)(x)
    x = layers.Activation("relu")(layers.add([y, shortcut]))
    x = layers.MaxPooling2D(2)(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(pairs[:48], changed[:48], validation_data=(pairs[48:], changed[48:]), epochs=2, batch_size=16, verbose=0)
print("change probabilities:", np.round(model.predict(pairs[48:52], verbose=0).ravel(), 2))
