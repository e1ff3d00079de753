# Gesture recognition from short webcam clips with a small C3D-style network.
# The network reads clips as (height, width, frames, channels); frames arrive
# one by one, so every window is transposed from frames-first before predicting.
import numpy as np
import keras
from keras import layers

gen = np.random.default_rng(194)
WINDOW, SIDE, N_GESTURES = 6, 24, 4
PIXEL_MEAN, PIXEL_STD = 110.0, 58.0


def clip_network():
    clip_in = keras.Input((SIDE, SIDE, WINDOW, 3))
    h = layers.Conv3D(12, 3, padding="same", activation="relu")(clip_in)
    h = layers.MaxPool3D((2, 2, 1), padding="same")(h)
    h = layers.Conv3D(24, 3, padding="same", activation="relu")(h)
    h = layers.GlobalAveragePooling3D()(h)
    h = layers.Dense(32, activation="relu")(h)
    return keras.Model(clip_in, layers.Dense(N_GESTURES, activation="softmax")(h))


def to_model_layout(frames_first):
    scaled = (frames_first - PIXEL_MEAN) / PIXEL_STD
    return np.transpose(scaled, (0, 2, 3, 1, 4)).astype("float32")


recorded = gen.uniform(0, 255, size=(30, WINDOW, SIDE, SIDE, 3))
gesture_ids = gen.integers(0, N_GESTURES, 30)

net = clip_network()
net.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
net.fit(to_model_layout(recorded), gesture_ids, batch_size=6, epochs=1, verbose=0)

stream = gen.uniform(0, 255, size=(14, SIDE, SIDE, 3))
buffer = []
for frame in stream:
    buffer.append(frame)
    if len(buffer) == WINDOW:
        window = to_model_layout(np.array(buffer)[None])
        probs = net.predict(window, verbose=0)[0]
        print("gesture", int(probs.argmax()), "p=%.2f" % probs.max())
        buffer.pop(0)
