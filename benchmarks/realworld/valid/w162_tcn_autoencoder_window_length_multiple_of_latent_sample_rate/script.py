# Vibration anomaly detector in the TCN-AE style: causal dilated Conv1D encoder, 1x1
# bottleneck, average pooling by the latent sample rate and upsampling back by the same
# rate, dilated decoder and a linear read-out; the window length (240) is a multiple of
# the sample rate (40), so the reconstruction has the input's length.
import numpy as np
import keras
from keras import layers

SEQ_LEN = 240
N_SENSORS = 4
SAMPLE_RATE = 40
CODE_DIM = 6

gen = np.random.default_rng(162)
steps = np.arange(SEQ_LEN)
series = np.stack([np.cos(steps / (5.0 + k)) [:, None] * gen.uniform(0.5, 2.0, N_SENSORS)
                   for k in range(20)]).astype("float32")
series += 0.02 * gen.standard_normal(series.shape).astype("float32")


def tcn_stack(h, width, tag):
    for d in (1, 2, 4, 8):
        h = layers.Conv1D(width, 3, padding="causal", dilation_rate=d, activation="relu",
                          name=f"{tag}_dil{d}")(h)
    return h


seq_in = keras.Input(shape=(SEQ_LEN, N_SENSORS))
z = tcn_stack(seq_in, 12, "encoder")
z = layers.Conv1D(CODE_DIM, 1)(z)
z = layers.AveragePooling1D(pool_size=SAMPLE_RATE)(z)
z = layers.UpSampling1D(size=SAMPLE_RATE)(z)
z = tcn_stack(z, 12, "decoder")
recon = layers.Dense(N_SENSORS)(z)

autoencoder = keras.Model(seq_in, recon)
autoencoder.compile(optimizer="adam", loss="mse")
autoencoder.fit(series, series, batch_size=5, epochs=2, verbose=0)
scores = np.mean(np.square(autoencoder.predict(series, verbose=0) - series), axis=(1, 2))
print("reconstruction output:", autoencoder.output_shape, "max score:", round(float(scores.max()), 4))
