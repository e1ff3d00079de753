# Fully convolutional restoration model for noisy widefield microscopy: trained on random
# 24x24 crops of a tf.data pipeline, then applied to one whole 48x48 image, given to
# predict as a batch of one.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

CROP = 24
gen = np.random.default_rng(148)
targets = gen.random((10, 48, 48, 1)).astype("float32")
observed = (targets + 0.25 * gen.normal(size=targets.shape)).astype("float32")
mu, sigma = observed.mean(), observed.std()
observed = (observed - mu) / sigma
targets = (targets - mu) / sigma


def paired_crop(img, tgt):
    both = tf.image.random_crop(tf.concat([img, tgt], axis=-1), size=(CROP, CROP, 2))
    return both[..., :1], both[..., 1:]


pipeline = (tf.data.Dataset.from_tensor_slices((observed, targets))
            .map(paired_crop).shuffle(10).batch(5))

net = keras.Sequential([
    keras.Input(shape=(None, None, 1)),
    layers.Conv2D(12, 3, activation="relu", padding="same"),
    layers.MaxPooling2D(2, padding="same"),
    layers.Conv2D(12, 3, activation="relu", padding="same"),
    layers.UpSampling2D(2, interpolation="bilinear"),
    layers.Conv2D(1, 3, padding="same"),
])
net.compile(optimizer=keras.optimizers.Adam(1e-3), loss="mse")
net.fit(pipeline, epochs=2, verbose=0)

single = observed[3]
restored = net.predict(single[np.newaxis], verbose=0)[0, ..., 0]
print("restored:", restored.shape, "mae:", float(np.abs(restored - targets[3, ..., 0]).mean()))
