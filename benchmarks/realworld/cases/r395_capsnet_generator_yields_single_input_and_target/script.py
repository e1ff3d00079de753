"""CapsNet-like digit model: two inputs (image, true label for masking), two outputs (class lengths, reconstruction)."""
import numpy as np
import keras
from keras import layers

N_CLASSES = 10

rng = np.random.default_rng(10)
x_train = rng.random((128, 28, 28, 1)).astype("float32")
y_train = keras.utils.to_categorical(rng.integers(0, N_CLASSES, size=128), N_CLASSES)


def train_generator(x, y, batch_size):
    while True:
        for i in range(0, len(x), batch_size):
            x_batch, y_batch = x[i:i + batch_size], y[i:i + batch_size]
            yield x_batch, y_batch


image = keras.Input(shape=(28, 28, 1), name="image")
true_label = keras.Input(shape=(N_CLASSES,), name="true_label")
h = layers.Conv2D(32, 9, activation="relu")(image)
h = layers.Conv2D(32, 9, strides=2, activation="relu")(h)
h = layers.Flatten()(h)
caps = layers.Reshape((N_CLASSES, 16))(layers.Dense(N_CLASSES * 16)(h))
lengths = layers.Lambda(lambda c: keras.ops.sqrt(keras.ops.sum(keras.ops.square(c), axis=-1)), name="capsnet")(caps)
masked = layers.Flatten()(layers.Multiply()([caps, layers.Reshape((N_CLASSES, 1))(true_label)]))
recon = layers.Dense(512, activation="relu")(masked)
recon = layers.Dense(784, activation="sigmoid")(recon)
recon = layers.Reshape((28, 28, 1), name="decoder")(recon)
model = keras.Model([image, true_label], [lengths, recon])
model.compile(optimizer="adam", loss=["mse", "mse"], loss_weights=[1.0, 0.392])
model.fit(train_generator(x_train, y_train, 32), steps_per_epoch=4, epochs=1, verbose=0)
