# SSVEP brain-computer-interface classifier in the SSVEPFormer style: the EEG trials
# (channels x samples) go through a fixed complex-spectrum layer (real and imaginary FFT
# parts of one frequency band side by side), a 1x1 channel-combination conv, two
# encoder blocks (a conv module and a per-channel MLP module, each with a residual add)
# and an MLP head. Data format is channels_first: the convs mix electrodes.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

keras.config.set_image_data_format("channels_first")  # the convs read (channels, features)

fs = 64
resolution = 0.5
band = (8, 24)
n_electrodes = 8
n_targets = 4
drop_rate = 0.5


def small_normal():
    return keras.initializers.RandomNormal(mean=0.0, stddev=0.01)


class ComplexSpectrum(layers.Layer):
    def __init__(self, nfft, first_bin, last_bin, **kwargs):
        super().__init__(**kwargs)
        self.nfft, self.first_bin, self.last_bin = nfft, first_bin, last_bin

    def call(self, trials):
        n_samples = trials.shape[-1]
        real, imag = keras.ops.rfft(trials, fft_length=self.nfft)
        real = real[:, :, self.first_bin:self.last_bin] / n_samples
        imag = imag[:, :, self.first_bin:self.last_bin] / n_samples
        return keras.ops.concatenate([real, imag], axis=-1)


class ChannelCombination(layers.Layer):
    def __init__(self, n_channels, **kwargs):
        super().__init__(**kwargs)
        self.conv = layers.Conv1D(2 * n_channels, 1, padding="same", kernel_initializer=small_normal())
        self.norm = layers.LayerNormalization()
        self.act = layers.Activation("gelu")
        self.drop = layers.Dropout(drop_rate)

    def call(self, x):
        return self.drop(self.act(self.norm(self.conv(x))))


class ConvModule(layers.Layer):
    def __init__(self, n_channels, **kwargs):
        super().__init__(**kwargs)
        self.norm = layers.LayerNormalization()
        self.conv = layers.Conv1D(2 * n_channels, 31, padding="same", kernel_initializer=small_normal())
        self.act = layers.Activation("gelu")
        self.drop = layers.Dropout(drop_rate)

    def call(self, x):
        return self.drop(self.act(self.conv(self.norm(x)))) + x


class PerChannelMLP(layers.Layer):
    def __init__(self, n_freq_bins, **kwargs):
        super().__init__(**kwargs)
        self.norm = layers.LayerNormalization()
        self.dense = layers.Dense(n_freq_bins, kernel_initializer=small_normal())
        self.act = layers.Activation("gelu")
        self.drop = layers.Dropout(drop_rate)

    def call(self, x):
        h = self.norm(x)
        per_channel = [keras.ops.expand_dims(self.dense(h[:, c, :]), 1) for c in range(x.shape[1])]
        h = keras.ops.concatenate(per_channel, axis=1)
        return self.drop(self.act(h)) + x


class EncoderBlock(layers.Layer):
    def __init__(self, n_channels, n_freq_bins, **kwargs):
        super().__init__(**kwargs)
        self.parts = [ConvModule(n_channels), PerChannelMLP(n_freq_bins),
                      ConvModule(n_channels), PerChannelMLP(n_freq_bins)]

    def call(self, x):
        for part in self.parts:
            x = part(x)
        return x


def build_ssvepformer(input_shape, n_channels, n_classes):
    nfft = round(fs / resolution)
    first_bin = int(band[0] / resolution)
    last_bin = int(band[1] / resolution) + 1
    n_freq_bins = last_bin - first_bin
    return keras.Sequential([
        keras.Input(shape=input_shape),
        ComplexSpectrum(nfft, first_bin, last_bin),
        ChannelCombination(n_channels),
        EncoderBlock(n_channels, n_freq_bins),
        EncoderBlock(n_channels, n_freq_bins),
        layers.Flatten(),
        layers.Dropout(drop_rate),
        layers.Dense(6 * n_classes, kernel_initializer=small_normal()),
        layers.LayerNormalization(),
        layers.Activation("gelu"),
        layers.Dropout(drop_rate),
        layers.Dense(n_classes, activation="softmax", kernel_initializer=small_normal()),
    ])


rng = np.random.default_rng(12)
trials = rng.normal(size=(48, n_electrodes, fs)).astype("float32")  # trials x channels x samples
targets = rng.integers(0, n_targets, size=48)
train_ds = tf.data.Dataset.from_tensor_slices((trials[:36], targets[:36])).batch(12)
val_ds = tf.data.Dataset.from_tensor_slices((trials[36:], targets[36:])).batch(12)

model = build_ssvepformer((n_electrodes, fs), n_electrodes, n_targets)
model.compile(loss="sparse_categorical_crossentropy",
              optimizer=keras.optimizers.SGD(learning_rate=1e-3, momentum=0.9, weight_decay=1e-3),
              metrics=["accuracy"])
model.fit(train_ds, epochs=2, validation_data=val_ds, verbose=0)
print(model.evaluate(val_ds, verbose=0))
