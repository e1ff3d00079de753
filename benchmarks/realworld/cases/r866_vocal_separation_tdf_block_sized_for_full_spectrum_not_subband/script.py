import numpy as np
import keras
from keras import layers, ops

CHUNK_SIZE = 4064          # 63.5 hops -> 64 STFT frames
STFT_N_FFT = 256
STFT_HOP_LENGTH = 64
N_SUBBANDS = 4
N_CHANNELS = 16
N_INSTRUMENTS = 1          # vocals only
BATCH_SIZE = 4


def stft(inputs, fft_size=STFT_N_FFT, sequence_stride=STFT_HOP_LENGTH):
    real_x, imag_x = ops.stft(inputs, fft_size, sequence_stride, fft_size)
    x = ops.concatenate((ops.expand_dims(real_x, -1), ops.expand_dims(imag_x, -1)), axis=-1)
    # drop the last frequency bin for convenience
    return x[:, :, : x.shape[2] - 1, :]


def inverse_stft(inputs, fft_size=STFT_N_FFT, sequence_stride=STFT_HOP_LENGTH):
    x = ops.pad(inputs, ((0, 0), (0, 0), (0, 1), (0, 0)))
    return ops.istft((x[..., 0], x[..., 1]), fft_size, sequence_stride, fft_size, length=CHUNK_SIZE)


class TimeDistributedDenseBlock(layers.Layer):
    """Dense layers applied along the frequency axis of every frame and channel."""

    def __init__(self, bottleneck_factor, fft_dim, **kwargs):
        super().__init__(**kwargs)
        self.fft_dim = fft_dim
        self.hidden_dim = fft_dim // bottleneck_factor

    def build(self, *_):
        self.norm_1 = layers.GroupNormalization(groups=-1)
        self.norm_2 = layers.GroupNormalization(groups=-1)
        self.dense_1 = layers.Dense(self.hidden_dim, use_bias=False)
        self.dense_2 = layers.Dense(self.fft_dim, use_bias=False)

    def call(self, x):
        x = ops.gelu(self.norm_1(x))
        x = self.dense_1(ops.swapaxes(x, -1, -2))
        x = ops.gelu(self.norm_2(ops.swapaxes(x, -1, -2)))
        x = self.dense_2(ops.swapaxes(x, -1, -2))
        return ops.swapaxes(x, -1, -2)


class TimeFrequencyTransformBlock(layers.Layer):
    def __init__(self, channels, fft_dim, bottleneck_factor, in_channels=None, **kwargs):
        super().__init__(**kwargs)
        self.channels = channels
        self.fft_dim = fft_dim
        self.bottleneck_factor = bottleneck_factor
        self.in_channels = in_channels or channels

    def build(self, *_):
        self.tfc_1 = layers.Conv2D(self.in_channels, 3, padding="same", use_bias=False)
        self.tdf = TimeDistributedDenseBlock(self.bottleneck_factor, self.fft_dim)
        self.tfc_2 = layers.Conv2D(self.channels, 3, padding="same", use_bias=False)
        self.residual = layers.Conv2D(self.channels, 1, use_bias=False)

    def call(self, x):
        tfc_1 = self.tfc_1(ops.gelu(x))
        tdf = self.tdf(x)
        return self.tfc_2(ops.gelu(tfc_1 + tdf)) + self.residual(x)


def build_model(inputs, n_subbands=N_SUBBANDS, channels=N_CHANNELS,
                fft_dim=STFT_N_FFT // 2, n_scales=2, scale=(2, 2), growth=8, bottleneck_factor=2):
    x = stft(inputs)
    mix = ops.reshape(x, (-1, x.shape[1], x.shape[2] // n_subbands, 2 * n_subbands))
    first_conv_out = layers.Conv2D(channels, 1, use_bias=False)(mix)
    x = first_conv_out

    encoder_outs = []
    for _ in range(n_scales):
        x = TimeFrequencyTransformBlock(channels, fft_dim, bottleneck_factor)(x)
        encoder_outs.append(x)
        fft_dim, channels = fft_dim // scale[0], channels + growth
        x = layers.Conv2D(channels, scale, scale, use_bias=False)(x)

    x = TimeFrequencyTransformBlock(channels, fft_dim, bottleneck_factor)(x)

    for _ in range(n_scales):
        fft_dim, channels = fft_dim * scale[0], channels - growth
        x = ops.concatenate([layers.Conv2DTranspose(channels, scale, scale, use_bias=False)(x),
                             encoder_outs.pop()], axis=-1)
        x = TimeFrequencyTransformBlock(channels, fft_dim, bottleneck_factor, in_channels=x.shape[-1])(x)

    x = ops.concatenate([mix, x * first_conv_out], axis=-1)
    x = layers.Conv2D(2 * n_subbands * N_INSTRUMENTS, 1, use_bias=False)(x)
    x = ops.reshape(x, (-1, x.shape[1], x.shape[2] * n_subbands, 2))
    return keras.Model(inputs, inverse_stft(x))


rng = np.random.default_rng(866)
t = np.arange(CHUNK_SIZE) / 16000.0
vocals = np.stack([np.sin(2 * np.pi * rng.uniform(200, 600) * t) for _ in range(32)]).astype("float32")
accompaniment = rng.normal(0, 0.3, size=vocals.shape).astype("float32")
mixtures = vocals + accompaniment

model = build_model(keras.Input(shape=(CHUNK_SIZE,)))
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="mae")
model.fit(mixtures, vocals, batch_size=BATCH_SIZE, epochs=1, verbose=0)
print("separated vocals:", model.predict(mixtures[:2], verbose=0).shape)
