import numpy as np
import keras
from keras import layers

# pedestrian-camera frames with point annotations; the counter predicts a density map at 1/4 resolution
rng = np.random.default_rng(11)
n_frames, height, width, stride = 32, 48, 80, 4
frames = rng.uniform(0, 0.15, size=(n_frames, height, width, 3)).astype("float32")
dots = np.zeros((n_frames, height, width), dtype="float32")
for k in range(n_frames):
    rows = rng.integers(0, height, size=rng.integers(3, 20))
    cols = rng.integers(0, width, size=rows.size)
    np.add.at(dots[k], (rows, cols), 1.0)
    frames[k, rows, cols] += 0.8

# sum the dot map over stride x stride blocks: same count, output resolution
density_small = dots.reshape(n_frames, height // stride, stride, width // stride, stride).sum(axis=(2, 4))
density_small = density_small[..., np.newaxis]

inputs = keras.Input(shape=(height, width, 3))
x = layers.Conv2D(24, 3, padding="same", activation="relu")(inputs)
x = layers.MaxPooling2D(2)(x)
x = layers.Conv2D(48, 3, padding="same", activation="relu")(x)
x = layers.MaxPooling2D(2)(x)
x = layers.Conv2D(48, 3, padding="same", dilation_rate=2, activation="relu")(x)
x = layers.Conv2D(24, 3, padding="same", dilation_rate=2, activation="relu")(x)
density_out = layers.Conv2D(1, 1, activation="relu", name="density")(x)
counter = keras.Model(inputs, density_out)
counter.compile(optimizer="adam", loss="mse", metrics=["mae"])

counter.fit(frames[:24], density_small[:24], batch_size=8, epochs=2,
            validation_data=(frames[24:], density_small[24:]), verbose=0)
est = counter.predict(frames[24:], verbose=0).sum(axis=(1, 2, 3))
print("estimated counts:", np.round(est, 1), "annotated:", dots[24:].sum(axis=(1, 2)))
