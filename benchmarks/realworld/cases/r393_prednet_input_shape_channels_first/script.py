"""PredNet-style next-frame model on short clips; the frame generator yields channels-last frames."""
import numpy as np
import keras
from keras import layers

nt = 10
n_channels, im_height, im_width = 3, 32, 40
input_shape = (n_channels, im_height, im_width)


def clip_generator(n_clips, batch_size):
    rng = np.random.default_rng(8)
    while True:
        for _ in range(n_clips // batch_size):
            clips = rng.random((batch_size, nt, im_height, im_width, n_channels)).astype("float32")
            yield clips, np.zeros((batch_size, 1), dtype="float32")


inputs = keras.Input(shape=(nt,) + input_shape)
x = layers.TimeDistributed(layers.Conv2D(8, 3, padding="same", activation="relu"))(inputs)
x = layers.TimeDistributed(layers.MaxPooling2D())(x)
x = layers.TimeDistributed(layers.Flatten())(x)
x = layers.LSTM(16)(x)
errors = layers.Dense(1)(x)
model = keras.Model(inputs, errors)
model.compile(loss="mean_absolute_error", optimizer="adam")
model.fit(clip_generator(16, 4), steps_per_epoch=4, epochs=1, verbose=0)
