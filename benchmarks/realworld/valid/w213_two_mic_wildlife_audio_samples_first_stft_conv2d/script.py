import numpy as np
import keras
from keras import layers

sr = 8000
seconds = 2
mics = 2
species = ["frog", "cricket", "owl"]

rng = np.random.default_rng(9)
n = 36
t = np.arange(sr * seconds) / sr
pitch = rng.uniform(300, 3000, size=(n, 1, 1))
gain = rng.uniform(0.3, 1.0, size=(n, 1, mics))
recordings = np.sin(2 * np.pi * pitch * t[None, :, None]) * gain
recordings = (recordings + 0.05 * rng.normal(size=recordings.shape)).astype("float32")
print("recordings:", recordings.shape)  # (36, 16000, 2): samples first, microphones last
species_id = rng.integers(0, len(species), size=n)

clip = keras.Input(shape=(sr * seconds, mics))
spectrogram = layers.STFTSpectrogram(mode="log", frame_length=256, frame_step=128, expand_dims=True)(clip)
x = layers.Conv2D(8, 3, activation="relu")(spectrogram)
x = layers.MaxPooling2D(4)(x)
x = layers.GlobalAveragePooling2D()(x)
probs = layers.Dense(len(species), activation="softmax")(x)
model = keras.Model(clip, probs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(recordings, species_id, batch_size=12, epochs=1)
print(model.predict(recordings[:2], verbose=0).argmax(-1))
