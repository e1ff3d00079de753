import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

DESIRED_SAMPLES = 4096
FRAME_STEP = 256
BATCH_SIZE = 4


class MelSpec(layers.Layer):
    def __init__(self, frame_length=512, frame_step=FRAME_STEP, sampling_rate=16000,
                 num_mel_channels=32, freq_min=125, freq_max=7600, **kwargs):
        super().__init__(**kwargs)
        self.frame_length = frame_length
        self.frame_step = frame_step
        self.mel_filterbank = tf.signal.linear_to_mel_weight_matrix(
            num_mel_bins=num_mel_channels,
            num_spectrogram_bins=frame_length // 2 + 1,
            sample_rate=sampling_rate,
            lower_edge_hertz=freq_min,
            upper_edge_hertz=freq_max,
        )

    def call(self, audio):
        stft = tf.signal.stft(ops.squeeze(audio, -1), self.frame_length, self.frame_step, pad_end=True)
        mel = ops.matmul(ops.square(ops.abs(stft)), self.mel_filterbank)
        return 10.0 * ops.log(ops.maximum(mel, 1e-6)) / np.log(10.0)


def residual_stack(x, filters):
    for dilation in (1, 3, 9):
        y = layers.LeakyReLU()(x)
        y = layers.Conv1D(filters, 3, dilation_rate=dilation, padding="same")(y)
        x = layers.Add()([x, y])
    return x


def conv_block(x, conv_dim, upsampling_factor):
    x = layers.Conv1DTranspose(conv_dim, 16, strides=upsampling_factor, padding="same")(x)
    x = layers.LeakyReLU()(x)
    x = residual_stack(x, conv_dim)
    return layers.LeakyReLU()(x)


def create_generator(input_shape):
    inp = keras.Input(input_shape)
    x = MelSpec()(inp)
    x = layers.Conv1D(64, 7, padding="same")(x)
    x = layers.LeakyReLU()(x)
    x = conv_block(x, 32, 8)
    x = conv_block(x, 16, 8)
    x = conv_block(x, 8, 4)
    x = conv_block(x, 8, 2)
    x = layers.Conv1D(1, 7, padding="same", activation="tanh")(x)
    return keras.Model(inp, x)


generator = create_generator((DESIRED_SAMPLES, 1))

# short clips of speech-like noise, the input wave is also the target wave
rng = np.random.default_rng(861)
t = np.arange(DESIRED_SAMPLES) / 16000.0
waves = np.stack([0.5 * np.sin(2 * np.pi * f * t) * rng.uniform(0.3, 1.0) for f in rng.uniform(100, 900, 16)])
waves = (waves + rng.normal(0, 0.02, waves.shape))[..., None].astype("float32")

generator.compile(optimizer=keras.optimizers.Adam(1e-4), loss=keras.losses.MeanAbsoluteError())
generator.fit(waves, waves, batch_size=BATCH_SIZE, epochs=1, verbose=0)
print("generated audio:", generator.predict(waves[:2], verbose=0).shape)
