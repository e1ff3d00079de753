# Simple audio recognition: 1-second clips -> STFT spectrograms -> small CNN.
import numpy as np
import tensorflow as tf
import keras
from keras import layers, models

label_names = ["down", "go", "left", "no", "right", "stop", "up", "yes"]
rng = np.random.default_rng(4)
waveforms = rng.uniform(-1.0, 1.0, size=(48, 16000)).astype("float32")
labels = rng.integers(0, len(label_names), size=(48,))
train_ds = tf.data.Dataset.from_tensor_slices((waveforms[:32], labels[:32])).batch(16)
val_ds = tf.data.Dataset.from_tensor_slices((waveforms[32:], labels[32:])).batch(16)


def get_spectrogram(waveform):
    # Convert the waveform to a spectrogram via a STFT.
    spectrogram = tf.signal.stft(waveform, frame_length=255, frame_step=128)
    # Obtain the magnitude of the STFT.
    spectrogram = tf.abs(spectrogram)
    return spectrogram


def make_spec_ds(ds):
    return ds.map(
        map_func=lambda audio, label: (get_spectrogram(audio), label),
        num_parallel_calls=tf.data.AUTOTUNE,
    )


train_spectrogram_ds = make_spec_ds(train_ds)
val_spectrogram_ds = make_spec_ds(val_ds)

for example_spectrograms, example_spect_labels in train_spectrogram_ds.take(1):
    break

input_shape = example_spectrograms.shape[1:]
print("Input shape:", input_shape)
num_labels = len(label_names)

norm_layer = layers.Normalization()
norm_layer.adapt(data=train_spectrogram_ds.map(map_func=lambda spec, label: spec))

model = models.Sequential([
    layers.Input(shape=input_shape),
    layers.Resizing(32, 32),
    norm_layer,
    layers.Conv2D(32, 3, activation="relu"),
    layers.Conv2D(64, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Dropout(0.25),
    layers.Flatten(),
    layers.Dense(128, activation="relu"),
    layers.Dropout(0.5),
    layers.Dense(num_labels),
])

model.compile(
    optimizer=keras.optimizers.Adam(),
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=["accuracy"],
)
history = model.fit(train_spectrogram_ds, validation_data=val_spectrogram_ds, epochs=2, verbose=0)
print("trained")
