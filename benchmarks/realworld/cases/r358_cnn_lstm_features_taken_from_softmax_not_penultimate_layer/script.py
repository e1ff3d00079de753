"""Micro-expression recognition: a CNN is trained on single frames, then its
frame features are stacked per video and classified by an LSTM."""
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(4)
n_videos, n_frames, side, n_classes = 24, 9, 28, 5
feature_dim = 64  # width of the CNN's last hidden Dense layer

frames = rng.random((n_videos * n_frames, side, side, 1)).astype("float32")
frame_labels = keras.utils.to_categorical(np.repeat(rng.integers(0, n_classes, n_videos), n_frames), n_classes)
video_labels = frame_labels[::n_frames]

cnn = keras.Sequential([
    keras.Input(shape=(side, side, 1)),
    layers.Conv2D(16, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(feature_dim, activation="relu"),
    layers.Dense(n_classes, activation="softmax"),
])
cnn.compile(optimizer="adam", loss="categorical_crossentropy")
cnn.fit(frames, frame_labels, batch_size=32, epochs=1, verbose=0)

feature_extractor = keras.Model(cnn.inputs, cnn.outputs)
features = feature_extractor.predict(frames, verbose=0).reshape(n_videos, n_frames, -1)

lstm = keras.Sequential([
    keras.Input(shape=(n_frames, feature_dim)),
    layers.LSTM(32),
    layers.Dense(n_classes, activation="softmax"),
])
lstm.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
lstm.fit(features, video_labels, batch_size=8, epochs=2, verbose=0)
