# SRCNN-style statistical downscaling (DeepSD flavour): bicubically upsampled coarse
# precipitation patches (plus elevation) go through three "valid" convolutions with
# kernels 9, 1 and 5, and are trained against the high-resolution patches.
import numpy as np
import keras
from keras import layers

PATCH = 38
KERNEL_SIZES = [9, 1, 5]
FILTERS = [64, 32, 1]

rng = np.random.default_rng(828)
train_inputs = rng.random((48, PATCH, PATCH, 2)).astype("float32")
train_labels = rng.random((48, PATCH, PATCH, 1)).astype("float32")

srcnn = keras.Sequential([keras.Input(shape=(PATCH, PATCH, 2))])
for k, f in zip(KERNEL_SIZES[:-1], FILTERS[:-1]):
    srcnn.add(layers.Conv2D(f, k, padding="valid", activation="relu"))
srcnn.add(layers.Conv2D(FILTERS[-1], KERNEL_SIZES[-1], padding="valid"))
srcnn.compile(optimizer=keras.optimizers.Adam(1e-4), loss="mse")

srcnn.fit(train_inputs, train_labels, batch_size=16, epochs=2, verbose=0)
print("prediction:", srcnn.predict(train_inputs[:1], verbose=0).shape)
