# Speaker-change detector on speech spectrograms: the audio is cut into observations of
# a fixed length, each turned into a (129 frequency bins, frames) magnitude spectrogram;
# a Conv1D base model runs along the frequency bins with the frames as channels.
import numpy as np
import keras
from keras import layers

SAMPLE_RATE = 8000
N_FFT = 256
HOP = 64
MS_PER_OBSERVATION = 1000


def spectrogram_observations(audio, ms_per_observation):
    samples = SAMPLE_RATE * ms_per_observation // 1000
    window = np.hanning(N_FFT)
    specs = []
    for start in range(0, len(audio) - samples + 1, samples):
        clip = audio[start:start + samples]
        frames = np.lib.stride_tricks.sliding_window_view(clip, N_FFT)[::HOP]
        specs.append(np.abs(np.fft.rfft(frames * window, axis=-1)).T)
    return np.log1p(np.stack(specs)).astype("float32")


rng = np.random.default_rng(132)
training_audio = rng.normal(size=SAMPLE_RATE * 48).astype("float32")
train_obs = spectrogram_observations(training_audio, MS_PER_OBSERVATION)
speaker_changed = rng.integers(0, 2, size=(len(train_obs), 1)).astype("float32")

base_model = keras.Sequential([
    keras.Input(shape=train_obs.shape[1:]),
    layers.Conv1D(16, 5, activation="relu"),
    layers.MaxPooling1D(2),
    layers.Conv1D(16, 5, activation="relu"),
    layers.GlobalAveragePooling1D(),
    layers.Dense(1, activation="sigmoid"),
])
base_model.compile(optimizer="adam", loss="binary_crossentropy")
base_model.fit(train_obs, speaker_changed, batch_size=8, epochs=2, verbose=0)

meeting_audio = rng.normal(size=SAMPLE_RATE * 30).astype("float32")
meeting_obs = spectrogram_observations(meeting_audio, ms_per_observation=2500)
change_probs = base_model.predict(meeting_obs, verbose=0)
print("observations:", meeting_obs.shape, "predictions:", change_probs.shape)
