import numpy as np
import keras
from keras import layers

# DeepSpeech-style acoustic model (deepspeech-playground layout): a strided
# Conv1D over log-spectrogram frames (20 ms FFT windows at 16 kHz -> 161
# bins, 10 ms step), GRUs and per-frame character scores for CTC decoding.
SAMPLE_RATE = 16000
INPUT_DIM = 161
CHARS = " abcdefghijklmnopqrstuvwxyz'"  # 28 characters, blank is the last index


def log_spectrogram(samples, sample_rate, step_ms=10, window_ms=20, eps=1e-14):
    hop = int(0.001 * step_ms * sample_rate)
    n_fft = int(0.001 * window_ms * sample_rate)
    n_frames = (len(samples) - n_fft) // hop + 1
    frames = np.stack([samples[i * hop: i * hop + n_fft] for i in range(n_frames)])
    power = np.abs(np.fft.rfft(frames * np.hanning(n_fft), axis=1)) ** 2
    return np.log(power + eps).astype("float32")  # (time, 161)


def compile_gru_model(input_dim=INPUT_DIM, output_dim=len(CHARS) + 1, nodes=64):
    acoustic_input = keras.Input(shape=(None, input_dim), name="acoustic_input")
    x = layers.Conv1D(nodes, 11, strides=2, padding="valid", activation="relu")(acoustic_input)
    x = layers.BatchNormalization()(x)
    for r in range(2):
        x = layers.GRU(nodes, return_sequences=True, name=f"rnn_{r + 1}")(x)
        x = layers.BatchNormalization()(x)
    return keras.Model(acoustic_input, layers.Dense(output_dim)(x))


def argmax_decode(scores):
    best, text, prev = scores.argmax(-1), [], -1
    for c in best:
        if c != prev and c != len(CHARS):
            text.append(CHARS[c])
        prev = c
    return "".join(text)


model = compile_gru_model()

# an utterance read from a 16 kHz mono wav file (6.4 s)
audio = (0.1 * np.random.randn(6 * SAMPLE_RATE + 6400)).astype("float32")
model_input = audio.reshape(1, -1, 1)
scores = model.predict(model_input, verbose=0)
print("transcript:", repr(argmax_decode(scores[0])))
