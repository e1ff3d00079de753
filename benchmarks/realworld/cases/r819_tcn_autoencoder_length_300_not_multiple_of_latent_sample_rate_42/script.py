# Anomaly-detection autoencoder in the TCN-AE style for multichannel sensor windows:
# dilated causal Conv1D encoder, 1x1 bottleneck, average pooling by the latent sample
# rate, nearest-neighbour upsampling back, dilated Conv1D decoder, linear read-out.
import numpy as np
import keras
from keras import layers

WINDOW = 300
CHANNELS = 3
LATENT_SAMPLE_RATE = 42
LATENT_DIM = 8

rng = np.random.default_rng(819)
t = np.linspace(0, 20 * np.pi, WINDOW)
windows = np.stack([np.sin(t * (1 + 0.1 * k))[:, None] * rng.uniform(0.5, 1.5, CHANNELS)
                    for k in range(24)]).astype("float32")
windows += 0.05 * rng.standard_normal(windows.shape).astype("float32")


def dilated_stack(x, filters, name):
    for rate in (1, 2, 4, 8):
        x = layers.Conv1D(filters, 5, padding="causal", dilation_rate=rate,
                          activation="relu", name=f"{name}_d{rate}")(x)
    return x


signal_in = keras.Input(shape=(WINDOW, CHANNELS))
h = dilated_stack(signal_in, 16, "enc")
h = layers.Conv1D(LATENT_DIM, 1, name="bottleneck")(h)
code = layers.AveragePooling1D(pool_size=LATENT_SAMPLE_RATE)(h)
h = layers.UpSampling1D(size=LATENT_SAMPLE_RATE)(code)
h = dilated_stack(h, 16, "dec")
reconstruction = layers.Dense(CHANNELS)(h)

tcn_ae = keras.Model(signal_in, reconstruction)
tcn_ae.compile(optimizer=keras.optimizers.Adam(1e-3), loss="mse")
tcn_ae.fit(windows, windows, batch_size=8, epochs=2, verbose=0)
errors = np.mean((tcn_ae.predict(windows, verbose=0) - windows) ** 2, axis=(1, 2))
print("anomaly scores:", np.round(errors[:5], 4))
