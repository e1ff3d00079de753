# Sensor-agnostic activity recogniser: an adaptive max-pooling layer turns conv maps of any
# window length and any number of sensor streams into a fixed grid, laid out as a sequence
# of grid rows so recurrent layers can read it.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

gen = np.random.default_rng(183)
windows = gen.normal(size=(80, 100, 9, 1)).astype("float32")   # 100 samples x 9 streams
activity = gen.integers(0, 5, size=(80,))


class AdaptiveGridPool(layers.Layer):
    def __init__(self, rows, cols, as_sequence=True, **kwargs):
        super().__init__(**kwargs)
        self.rows, self.cols, self.as_sequence = rows, cols, as_sequence

    def build(self, input_shape):
        self.depth = input_shape[-1]

    def compute_output_shape(self, input_shape):
        if self.as_sequence:
            return (input_shape[0], self.rows, self.cols * self.depth)
        return (input_shape[0], self.rows * self.cols * self.depth)

    def call(self, fmap):
        dims = tf.shape(fmap)
        t_len, s_len = tf.cast(dims[1], tf.float32), tf.cast(dims[2], tf.float32)
        cells = []
        for r in range(self.rows):
            t0 = tf.cast(tf.math.floor(r * t_len / self.rows), tf.int32)
            t1 = tf.cast(tf.math.ceil((r + 1) * t_len / self.rows), tf.int32)
            for c in range(self.cols):
                s0 = tf.cast(tf.math.floor(c * s_len / self.cols), tf.int32)
                s1 = tf.maximum(tf.cast(tf.math.ceil((c + 1) * s_len / self.cols), tf.int32), s0 + 1)
                cells.append(tf.reduce_max(fmap[:, t0:t1, s0:s1, :], axis=(1, 2)))
        flat = tf.concat(cells, axis=-1)
        if self.as_sequence:
            return tf.reshape(flat, (dims[0], self.rows, self.cols * self.depth))
        return tf.reshape(flat, (dims[0], self.rows * self.cols * self.depth))


stream_in = keras.Input(shape=(None, None, 1))
h = layers.Conv2D(12, (7, 1), padding="same", activation="relu")(stream_in)
h = layers.Conv2D(12, (7, 1), padding="same", activation="relu")(h)
h = AdaptiveGridPool(5, 3, as_sequence=True, name="grid_pool")(h)
h = layers.GRU(24, return_sequences=True)(h)
h = layers.GRU(24)(h)
probs = layers.Dense(5, activation="softmax")(h)
recogniser = keras.Model(stream_in, probs)
recogniser.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

# train on full windows, then on a down-sampled, gyro-only view of the same data
recogniser.fit(windows, activity, batch_size=16, epochs=1, verbose=0)
reduced = tf.image.resize(windows[:, :, 3:6, :], (50, 3)).numpy()
recogniser.fit(reduced, activity, batch_size=16, epochs=1, verbose=0)
print(recogniser.predict(reduced[:4], verbose=0).shape)
