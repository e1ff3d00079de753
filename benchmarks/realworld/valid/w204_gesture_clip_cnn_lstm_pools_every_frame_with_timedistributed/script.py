import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(21)
frames_per_clip = 5
side = 24
n_gestures = 3

gesture_clips = rng.random((30, frames_per_clip, side, side, 1)).astype("float32")
gesture_ids = rng.integers(0, n_gestures, size=30)

clip_in = keras.Input(shape=(frames_per_clip, side, side, 1))
h = layers.TimeDistributed(layers.Conv2D(8, 3, padding="same", activation="relu"))(clip_in)
h = layers.TimeDistributed(layers.MaxPooling2D())(h)
h = layers.TimeDistributed(layers.Conv2D(12, 3, activation="relu"))(h)
h = layers.TimeDistributed(layers.GlobalAveragePooling2D())(h)
h = layers.LSTM(16)(h)
gesture_probs = layers.Dense(n_gestures, activation="softmax")(h)

recognizer = keras.Model(clip_in, gesture_probs)
recognizer.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
recognizer.fit(gesture_clips, gesture_ids, batch_size=6, epochs=2, verbose=0)
print(recognizer.predict(gesture_clips[:2], verbose=0).shape)
