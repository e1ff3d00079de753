import numpy as np
import keras
from keras import layers

# Compact-CNN music tagger after music-auto_tagging-keras: the model takes
# raw mono audio, computes a 96-band mel-spectrogram in the graph and
# outputs 50 tag probabilities; its feature model is used on new songs.
SR = 12000
DURATION = 29
N_TAGS = 50


def build_compact_cnn():
    audio = keras.Input(shape=(1, SR * DURATION), name="audio")
    x = layers.Reshape((SR * DURATION,))(audio)
    x = layers.MelSpectrogram(fft_length=512, sequence_stride=256, sampling_rate=SR,
                              num_mel_bins=96, power_to_db=True)(x)
    x = layers.Reshape((96, -1, 1))(x)
    x = layers.BatchNormalization()(x)
    for filters, pool in [(16, (2, 4)), (16, (2, 4)), (16, (2, 4)), (16, (3, 5))]:
        x = layers.Conv2D(filters, 3, padding="same", activation="elu")(x)
        x = layers.MaxPooling2D(pool)(x)
    features = layers.GlobalAveragePooling2D(name="features")(x)
    tags = layers.Dense(N_TAGS, activation="sigmoid")(features)
    return keras.Model(audio, tags)


def load_clip(freq, seconds, sr):
    # stands in for librosa.load(path, sr=sr, duration=seconds, mono=True)
    t = np.arange(int(seconds * sr)) / sr
    return (0.5 * np.sin(2 * np.pi * freq * t) + 0.05 * np.random.randn(t.size)).astype("float32")


tagger = build_compact_cnn()
feature_model = keras.Model(tagger.input, tagger.get_layer("features").output)

song_pitches = [220.0, 330.0, 440.0, 660.0]
songs = np.stack([load_clip(f, seconds=1, sr=44100) for f in song_pitches])[:, np.newaxis, :]
print("songs", songs.shape)
features = feature_model.predict(songs, verbose=0)
print("song features", features.shape)
