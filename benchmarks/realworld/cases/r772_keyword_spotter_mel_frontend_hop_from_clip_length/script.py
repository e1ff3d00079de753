# Keyword spotter for 2-second voice commands. The command classifier was designed on
# precomputed log-mel features (25 ms windows, 10 ms hop, 13 bands -> 201 frames per clip);
# to serve raw audio, an in-graph MelSpectrogram front-end is put in front of it.
import numpy as np
import keras
from keras import layers

SAMPLE_RATE = 16000
CLIP_SECONDS = 2
clip_samples = SAMPLE_RATE * CLIP_SECONDS
N_BANDS = 13
N_FRAMES = 201
COMMANDS = ["yes", "no", "stop", "go"]

# classifier over (frames, bands) feature matrices
features_in = keras.Input(shape=(N_FRAMES, N_BANDS))
h = layers.Conv1D(32, 5, activation="relu")(features_in)
h = layers.MaxPooling1D(2)(h)
h = layers.Conv1D(32, 5, activation="relu")(h)
h = layers.Flatten()(h)
h = layers.Dense(64, activation="relu")(h)
command_out = layers.Dense(len(COMMANDS), activation="softmax")(h)
classifier = keras.Model(features_in, command_out, name="command_classifier")

# raw-audio front-end: 25 ms windows with a 10 ms hop
frontend = layers.MelSpectrogram(
    fft_length=1024,
    sequence_length=int(clip_samples * 0.025),
    sequence_stride=int(clip_samples * 0.01),
    sampling_rate=SAMPLE_RATE,
    num_mel_bins=N_BANDS,
)
audio_in = keras.Input(shape=(clip_samples,))
mel = frontend(audio_in)
mel = layers.Permute((2, 1))(mel)
spotter = keras.Model(audio_in, classifier(mel))
spotter.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

rng = np.random.default_rng(108)
clips = rng.normal(scale=0.1, size=(24, clip_samples)).astype("float32")
labels = rng.integers(0, len(COMMANDS), size=(24,))
spotter.fit(clips, labels, batch_size=8, epochs=1, verbose=0)
print(spotter.predict(clips[:2], verbose=0).argmax(-1))
