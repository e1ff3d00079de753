# Temporal autoencoder pretraining for clustering 96-step vibration traces: a Conv1D,
# a max-pooling over time by POOL, a bidirectional LSTM latent sequence, then
# UpSampling1D(POOL) and a transposed convolution rebuild the trace. POOL divides the
# trace length, so the rebuilt trace has all 96 steps.
import numpy as np
import keras
from keras import layers

TRACE_LEN = 96
POOL = 6
FILTERS, KERNEL = 16, 7


def vibration_traces(rng, n):
    t = np.linspace(0.0, 1.0, TRACE_LEN)
    freq = rng.uniform(3.0, 12.0, size=(n, 1))
    decay = rng.uniform(0.5, 3.0, size=(n, 1))
    traces = np.sin(2 * np.pi * freq * t) * np.exp(-decay * t)
    traces += rng.normal(scale=0.1, size=traces.shape)
    return traces[..., None].astype("float32")


trace_in = keras.Input(shape=(TRACE_LEN, 1))
z = layers.Conv1D(FILTERS, KERNEL, padding="same", activation="relu")(trace_in)
z = layers.MaxPooling1D(POOL)(z)
z = layers.Bidirectional(layers.LSTM(8, return_sequences=True), merge_mode="sum", name="code")(z)
r = layers.UpSampling1D(POOL)(z)
r = layers.Conv1DTranspose(1, KERNEL, padding="same")(r)
trace_ae = keras.Model(trace_in, r)
trace_ae.compile(optimizer="adam", loss="mse")

rng = np.random.default_rng(141)
traces = vibration_traces(rng, 60)
trace_ae.fit(traces, traces, batch_size=20, epochs=2, verbose=0)
print(keras.Model(trace_in, z).predict(traces[:5], verbose=0).shape)
