import numpy as np
import keras
from keras import layers

sample_rate = 16000
n_channels = 2          # stereo recordings, stored (channels, samples) like librosa loads them
clip_seconds = 1
classes = ["dog_bark", "siren", "drilling", "street_music"]

rng = np.random.default_rng(5)
n_clips = 48
t = np.arange(sample_rate * clip_seconds) / sample_rate
freqs = rng.uniform(200, 4000, size=(n_clips, 1, 1))
audio = np.sin(2 * np.pi * freqs * t) * rng.uniform(0.2, 1.0, size=(n_clips, n_channels, 1))
audio = (audio + 0.05 * rng.normal(size=audio.shape)).astype("float32")
labels = rng.integers(0, len(classes), size=n_clips)
print("audio batch:", audio.shape)  # (48, 2, 16000)

inputs = keras.Input(shape=(n_channels, sample_rate * clip_seconds))
stft = layers.STFTSpectrogram(mode="log", frame_length=512, frame_step=256, data_format="channels_last")
spec = stft(inputs)
x = layers.Flatten()(spec)
x = layers.Dropout(0.3)(x)
x = layers.Dense(32, activation="relu")(x)
outputs = layers.Dense(len(classes), activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy",
              metrics=["accuracy"])
model.fit(audio, labels, batch_size=16, epochs=1, validation_split=0.25)
