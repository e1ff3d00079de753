import numpy as np
import keras
from keras import layers

SAMPLE_RATE, SEGMENT_SAMPLES, N_FFT, HOP, N_MFCC = 4000, 4000, 256, 128, 13
GENRES = ["blues", "classical", "metal"]
rng = np.random.default_rng(12)
keras.utils.set_random_seed(12)


def mfcc(signal, n_mfcc=N_MFCC):
    """Small stand-in for librosa.feature.mfcc: returns (n_mfcc, frames), one column per frame."""
    padded = np.pad(signal, N_FFT // 2, mode="reflect")
    frames = np.stack([padded[i:i + N_FFT] for i in range(0, len(padded) - N_FFT + 1, HOP)])
    log_power = np.log(np.abs(np.fft.rfft(frames * np.hanning(N_FFT), axis=1)) ** 2 + 1e-6)
    k = np.arange(log_power.shape[1])
    dct = np.cos(np.pi / log_power.shape[1] * (k + 0.5)[None, :] * np.arange(n_mfcc)[:, None])
    return dct @ log_power.T


# dataset: 3 genres x 12 tracks x 5 segments, one MFCC matrix per segment
data = {"mfcc": [], "labels": []}
for label, genre in enumerate(GENRES):
    for _ in range(12):
        t = np.arange(5 * SEGMENT_SAMPLES) / SAMPLE_RATE
        track = np.sin(2 * np.pi * (200 + 300 * label) * t) + 0.3 * rng.normal(size=t.size)
        for s in range(5):
            segment = track[s * SEGMENT_SAMPLES:(s + 1) * SEGMENT_SAMPLES]
            data["mfcc"].append(mfcc(segment).tolist())
            data["labels"].append(label)

X = np.array(data["mfcc"], dtype="float32")
y = np.array(data["labels"])
order = rng.permutation(len(X))
X, y = X[order], y[order]
X_train, X_test, y_train, y_test = X[:140], X[140:], y[:140], y[140:]

# RNN-LSTM genre classifier: input is (time steps, coefficients)
input_shape = (X_train.shape[1], X_train.shape[2])
model = keras.Sequential([
    keras.Input(shape=input_shape),
    layers.LSTM(32, return_sequences=True),
    layers.LSTM(32),
    layers.Dense(32, activation="relu"),
    layers.Dropout(0.3),
    layers.Dense(len(GENRES), activation="softmax"),
])
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(X_train, y_train, validation_split=0.2, batch_size=32, epochs=2, verbose=0)
print("input_shape:", input_shape, "test accuracy:", model.evaluate(X_test, y_test, verbose=0)[1])
