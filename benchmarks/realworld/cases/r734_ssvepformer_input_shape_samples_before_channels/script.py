# Leave-one-subject-out SSVEP classification with an SSVEPFormer-style network. The EEG
# is stored subject x samples x electrodes x trials; each fold concatenates the subjects'
# trials and transposes them to trials x electrodes x samples for the model, whose first
# layer takes the FFT of every electrode's signal (channels_first data format).
import numpy as np
import tensorflow as tf
import keras
from keras import layers

keras.config.set_image_data_format("channels_first")

fs, resolution, band = 64, 0.5, (8, 24)
n_classes = 4
rate = 0.5


def normal_init():
    return keras.initializers.RandomNormal(mean=0.0, stddev=0.01)


class ComplexSpectrum(layers.Layer):
    def __init__(self, nfft, start, stop, **kwargs):
        super().__init__(**kwargs)
        self.nfft, self.start, self.stop = nfft, start, stop

    def call(self, x):
        n = x.shape[-1]
        re, im = keras.ops.rfft(x, fft_length=self.nfft)
        return keras.ops.concatenate([re[:, :, self.start:self.stop] / n, im[:, :, self.start:self.stop] / n], axis=-1)


class ConvResidual(layers.Layer):
    def __init__(self, filters, **kwargs):
        super().__init__(**kwargs)
        self.norm = layers.LayerNormalization()
        self.conv = layers.Conv1D(filters, 31, padding="same", kernel_initializer=normal_init())
        self.drop = layers.Dropout(rate)

    def call(self, x):
        return self.drop(keras.ops.gelu(self.conv(self.norm(x)))) + x


class DenseResidual(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.norm = layers.LayerNormalization()
        self.dense = layers.Dense(units, kernel_initializer=normal_init())
        self.drop = layers.Dropout(rate)

    def call(self, x):
        return self.drop(keras.ops.gelu(self.dense(self.norm(x)))) + x


def create_ssvepformer(input_shape, n_channels):
    nfft = round(fs / resolution)
    start, stop = int(band[0] / resolution), int(band[1] / resolution) + 1
    n_features = stop - start
    blocks = []
    for _ in range(2):
        blocks += [ConvResidual(2 * n_channels), DenseResidual(2 * n_features)]
    return keras.Sequential(
        [keras.Input(shape=input_shape), ComplexSpectrum(nfft, start, stop),
         layers.Conv1D(2 * n_channels, 1, padding="same", kernel_initializer=normal_init()),
         layers.LayerNormalization(), layers.Activation("gelu"), layers.Dropout(rate)]
        + blocks
        + [layers.Flatten(), layers.Dropout(rate), layers.Dense(6 * n_classes), layers.LayerNormalization(),
           layers.Activation("gelu"), layers.Dropout(rate), layers.Dense(n_classes, activation="softmax")])


def concatenate_subjects(x, y, fold):
    trials = np.concatenate([x[i] for i in fold], axis=-1)
    targets = np.concatenate([y[i] for i in fold], axis=-1)
    return trials.transpose((2, 1, 0)), targets - 1   # trials x channels x samples, labels 0..3


rng = np.random.default_rng(34)
X = rng.normal(size=(3, fs, 8, 16)).astype("float32")           # subjects x samples x channels x trials
Y = np.tile(np.arange(1, n_classes + 1), (3, 4)).astype("int64")  # subjects x trials

channels = X.shape[2]
samples = X.shape[1]
input_shape = (samples, channels)

accs = []
for subject in range(3):
    train_index = np.delete(np.arange(3), subject)
    x_train, y_train = concatenate_subjects(X, Y, train_index)
    x_val, y_val = concatenate_subjects(X, Y, [subject])
    train_ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).batch(8)
    val_ds = tf.data.Dataset.from_tensor_slices((x_val, y_val)).batch(8)
    model = create_ssvepformer(input_shape, channels)
    model.compile(loss="sparse_categorical_crossentropy",
                  optimizer=keras.optimizers.SGD(learning_rate=1e-3, momentum=0.9, weight_decay=1e-3),
                  metrics=["accuracy"])
    model.fit(train_ds, epochs=1, validation_data=val_ds, verbose=0)
    accs.append(model.evaluate(val_ds, verbose=0)[1])
print("accuracy across subjects", np.mean(accs))
