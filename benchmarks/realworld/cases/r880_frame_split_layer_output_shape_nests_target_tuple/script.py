import numpy as np
import keras
from keras import layers, ops


class FrameSplit(layers.Layer):
    """Cuts a flat feature vector into a short sequence of frames."""

    def __init__(self, frame_shape, **kwargs):
        super().__init__(**kwargs)
        self.frame_shape = tuple(frame_shape)

    def call(self, inputs):
        return ops.reshape(inputs, (-1,) + self.frame_shape)

    def compute_output_shape(self, input_shape):
        return (input_shape[0], self.frame_shape)


rng = np.random.default_rng(5)
n_clips, n_stats = 180, 10
clip_stats = rng.normal(size=(n_clips, n_stats)).astype("float32")
is_event = (clip_stats[:, :3].sum(axis=1) > 0).astype("float32")

stats_in = keras.Input(shape=(n_stats,))
h = layers.Dense(20, activation="relu")(stats_in)
frames = FrameSplit((5, 4))(h)
h = layers.LSTM(12)(frames)
event_prob = layers.Dense(1, activation="sigmoid")(h)
detector = keras.Model(stats_in, event_prob)
detector.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])

detector.fit(clip_stats, is_event, batch_size=30, epochs=2, verbose=0)
print(detector.evaluate(clip_stats, is_event, verbose=0))
