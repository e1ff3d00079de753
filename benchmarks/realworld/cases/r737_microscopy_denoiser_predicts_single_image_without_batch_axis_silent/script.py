# Fully convolutional regression model that maps noisy widefield crops of kidney tissue to
# their restored intensities (one real number per pixel). Training uses random 32x32 crops
# from a tf.data pipeline; afterwards one full 64x64 image is restored and shown.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

CROP = 32
rng = np.random.default_rng(26)
clean = rng.random((12, 64, 64, 1)).astype("float32")
noisy = (clean + 0.3 * rng.normal(size=clean.shape)).astype("float32")
mean, std = noisy.mean(), noisy.std()
noisy = (noisy - mean) / std
clean = (clean - mean) / std


def random_crop(image, target):
    stacked = tf.concat([image, target], axis=-1)
    stacked = tf.image.random_crop(stacked, size=(CROP, CROP, 2))
    return stacked[..., :1], stacked[..., 1:]


train_ds = (tf.data.Dataset.from_tensor_slices((noisy, clean))
            .map(random_crop).shuffle(12).batch(4))

restorer = keras.Sequential([
    keras.Input(shape=(None, None, 1)),
    layers.Conv2D(16, 3, activation="relu", padding="same"),
    layers.MaxPooling2D(2, padding="same"),
    layers.Conv2D(16, 3, activation="relu", padding="same"),
    layers.MaxPooling2D(2, padding="same"),
    layers.Conv2D(16, 3, activation="relu", padding="same"),
    layers.UpSampling2D(2, interpolation="bilinear"),
    layers.Conv2D(16, 3, activation="relu", padding="same"),
    layers.UpSampling2D(2, interpolation="bilinear"),
    layers.Conv2D(1, 3, activation="linear", padding="same"),
])
restorer.compile(optimizer=keras.optimizers.Adam(1e-3), loss="mean_squared_error")
restorer.fit(train_ds, epochs=2, verbose=0)

image = noisy[0]
prediction = restorer.predict(image, verbose=0)
restored = prediction[:, :, 0, 0]
print("restored image:", restored.shape, "mean abs error:", float(np.abs(restored - clean[0, ..., 0]).mean()))
