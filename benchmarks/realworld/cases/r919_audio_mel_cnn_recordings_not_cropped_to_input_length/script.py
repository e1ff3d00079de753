import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(4)
sr = 8000
input_length = sr * 1
n_classes = 4


def fake_recording(seconds):
    t = np.arange(int(sr * seconds)) / sr
    tone = np.sin(2 * np.pi * rng.uniform(200, 900) * t)
    return (tone + 0.1 * rng.normal(size=t.shape)).astype("float32")


def load_audio_file(clip):
    data = clip / (np.max(np.abs(clip)) + 1e-6)
    return data


def to_spectrogram(data):
    spec = tf.abs(tf.signal.stft(data, frame_length=256, frame_step=128))
    return np.log1p(spec.numpy())[..., np.newaxis]


recordings = [fake_recording(2.5) for _ in range(24)]
labels = rng.integers(0, n_classes, size=24)
specs = np.stack([to_spectrogram(load_audio_file(r)) for r in recordings])

n_frames = 1 + (input_length - 256) // 128
inp = keras.Input(shape=(n_frames, 129, 1))
x = layers.Conv2D(16, 3, activation="relu", padding="same")(inp)
x = layers.MaxPooling2D(2)(x)
x = layers.Conv2D(32, 3, activation="relu", padding="same")(x)
x = layers.MaxPooling2D(2)(x)
x = layers.Flatten()(x)
x = layers.Dropout(0.3)(x)
out = layers.Dense(n_classes, activation="softmax")(x)
model = keras.Model(inp, out)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["acc"])
model.fit(specs, labels, batch_size=8, epochs=2, verbose=0)
print("trained on", specs.shape)
