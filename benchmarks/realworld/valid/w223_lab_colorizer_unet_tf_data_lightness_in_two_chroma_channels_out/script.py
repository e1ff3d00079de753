import numpy as np
import tensorflow as tf
import keras
from keras import layers

SIZE = 48
rng = np.random.default_rng(13)


def to_lab(rgb):
    linear = np.where(rgb > 0.04045, ((rgb + 0.055) / 1.055) ** 2.4, rgb / 12.92)
    m = np.array([[0.4124, 0.2126, 0.0193], [0.3576, 0.7152, 0.1192], [0.1805, 0.0722, 0.9505]])
    xyz = (linear @ m) / np.array([0.9505, 1.0, 1.089])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]), 200 * (f[..., 1] - f[..., 2])], -1)


photos = rng.uniform(0, 1, size=(36, SIZE, SIZE, 3))
lab = to_lab(photos).astype("float32")
lightness = lab[..., :1] / 100.0          # (36, 48, 48, 1)
chroma = lab[..., 1:] / 128.0             # (36, 48, 48, 2)

train_ds = tf.data.Dataset.from_tensor_slices((lightness[:30], chroma[:30])).shuffle(30).batch(6)
val_ds = tf.data.Dataset.from_tensor_slices((lightness[30:], chroma[30:])).batch(6)

grey = keras.Input(shape=(SIZE, SIZE, 1))
e1 = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(grey)
e2 = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(e1)
d1 = layers.Conv2DTranspose(16, 3, strides=2, padding="same", activation="relu")(e2)
d1 = layers.concatenate([d1, e1])
d2 = layers.Conv2DTranspose(16, 3, strides=2, padding="same", activation="relu")(d1)
ab = layers.Conv2D(2, 3, padding="same", activation="tanh")(d2)
colorizer = keras.Model(grey, ab)
colorizer.compile(optimizer="adam", loss="mse", metrics=["mae"])
colorizer.fit(train_ds, validation_data=val_ds, epochs=2, verbose=0)

pred_ab = colorizer.predict(lightness[30:], verbose=0) * 128.0
recolored = np.concatenate([lab[30:, :, :, :1], pred_ab], axis=-1)
print(recolored.shape, colorizer.evaluate(val_ds, verbose=0))
