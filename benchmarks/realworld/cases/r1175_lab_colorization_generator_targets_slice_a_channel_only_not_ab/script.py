import numpy as np
import keras
from keras import layers


def rgb2lab(rgb):
    rgb = np.where(rgb > 0.04045, ((rgb + 0.055) / 1.055) ** 2.4, rgb / 12.92)
    xyz = rgb @ np.array([[0.4124, 0.2126, 0.0193], [0.3576, 0.7152, 0.1192], [0.1805, 0.0722, 0.9505]])
    xyz = xyz / np.array([0.9505, 1.0, 1.089])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    L = 116 * f[..., 1] - 16
    a = 500 * (f[..., 0] - f[..., 1])
    b = 200 * (f[..., 1] - f[..., 2])
    return np.stack([L, a, b], axis=-1)


rng = np.random.default_rng(5)
X = rng.uniform(0, 1, size=(40, 64, 64, 3))
split = int(0.9 * len(X))
Xtrain = X[:split]


def image_a_b_gen(batch_size):
    while True:
        idx = rng.choice(len(Xtrain), size=batch_size, replace=False)
        lab_batch = rgb2lab(Xtrain[idx])
        X_batch = lab_batch[:, :, :, 0]
        Y_batch = lab_batch[:, :, :, 1] / 128
        yield (X_batch.reshape(X_batch.shape + (1,)), Y_batch)


model = keras.Sequential([
    keras.Input(shape=(64, 64, 1)),
    layers.Conv2D(16, (3, 3), activation="relu", padding="same"),
    layers.Conv2D(16, (3, 3), activation="relu", padding="same", strides=2),
    layers.Conv2D(32, (3, 3), activation="relu", padding="same"),
    layers.Conv2D(32, (3, 3), activation="relu", padding="same", strides=2),
    layers.Conv2D(64, (3, 3), activation="relu", padding="same", strides=2),
    layers.Conv2D(32, (3, 3), activation="relu", padding="same"),
    layers.UpSampling2D((2, 2)),
    layers.Conv2D(16, (3, 3), activation="relu", padding="same"),
    layers.UpSampling2D((2, 2)),
    layers.Conv2D(8, (3, 3), activation="relu", padding="same"),
    layers.Conv2D(2, (3, 3), activation="tanh", padding="same"),
    layers.UpSampling2D((2, 2)),
])
model.compile(optimizer="rmsprop", loss="mse")
model.fit(image_a_b_gen(8), steps_per_epoch=4, epochs=1, verbose=0)

# colorize the held-out photos: keep their L channel, predict a and b
lab_test = rgb2lab(X[split:])
color_me = lab_test[:, :, :, 0].reshape(-1, 64, 64, 1)
output = model.predict(color_me, verbose=0) * 128
colorized = np.concatenate([color_me, output], axis=-1)
print(colorized.shape)
