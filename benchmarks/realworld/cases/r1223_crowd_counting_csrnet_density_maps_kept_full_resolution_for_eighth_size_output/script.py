import numpy as np
import tensorflow as tf
import keras
from keras import layers

# crowd images with head annotations turned into density maps (each head = unit mass blurred over a few pixels)
rng = np.random.default_rng(3)
n_img, size = 24, 64
images = rng.uniform(0, 0.2, size=(n_img, size, size, 3)).astype("float32")
density = np.zeros((n_img, size, size, 1), dtype="float32")
for i in range(n_img):
    for _ in range(rng.integers(5, 30)):
        r, c = rng.integers(2, size - 2, size=2)
        density[i, r - 1:r + 2, c - 1:c + 2, 0] += 1.0 / 9
        images[i, r - 1:r + 2, c - 1:c + 2] += 0.6

def load_data(img, target):
    img = (img - 0.5) / 0.25
    return img, target

train_ds = (tf.data.Dataset.from_tensor_slices((images[:20], density[:20]))
            .map(load_data).shuffle(20).batch(4))

def csrnet(input_shape=(size, size, 3)):
    inp = keras.Input(shape=input_shape)
    x = inp
    for filters, n_conv in [(16, 2), (32, 2), (64, 3)]:   # VGG-16 style front end, three poolings
        for _ in range(n_conv):
            x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
        x = layers.MaxPooling2D(2)(x)
    x = layers.Conv2D(64, 3, padding="same", activation="relu")(x)
    for filters in [64, 32, 16]:                          # dilated back end
        x = layers.Conv2D(filters, 3, padding="same", dilation_rate=2, activation="relu")(x)
    out = layers.Conv2D(1, 1, activation="relu")(x)
    return keras.Model(inp, out)

model = csrnet()
model.compile(optimizer=keras.optimizers.SGD(1e-4, momentum=0.95), loss="mse")
model.fit(train_ds, epochs=2, verbose=0)

pred = model.predict((images[20:] - 0.5) / 0.25, verbose=0)
print("predicted counts:", np.round(pred.sum(axis=(1, 2, 3)), 1))
print("true counts:     ", np.round(density[20:].sum(axis=(1, 2, 3)), 1))
