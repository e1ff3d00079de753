# Keyword-spotting CNN on STFT spectrograms (TensorFlow "Simple audio recognition"
# style): waveforms are turned into magnitude spectrograms with a channel axis inside a
# tf.data map, the model's input shape is read from one batch of spectrograms, and a
# small Resizing -> Normalization -> Conv2D network classifies the words.
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers, models

label_names = np.array(["down", "go", "left", "no", "right", "stop", "up", "yes"])
rng = np.random.default_rng(10)
clips = rng.normal(scale=0.1, size=(96, 4000)).astype("float32")
clip_labels = rng.integers(0, len(label_names), size=96)
train_ds = tf.data.Dataset.from_tensor_slices((clips, clip_labels)).batch(16)


def get_spectrogram(waveform):
    spectrogram = tf.abs(tf.signal.stft(waveform, frame_length=255, frame_step=128))
    return spectrogram[..., tf.newaxis]


train_spectrogram_ds = train_ds.map(lambda audio, label: (get_spectrogram(audio), label),
                                    num_parallel_calls=tf.data.AUTOTUNE)

for example_spectrograms, example_labels in train_spectrogram_ds.take(1):
    break

input_shape = example_spectrograms.shape
num_labels = len(label_names)

norm_layer = layers.Normalization()
norm_layer.adapt(data=train_spectrogram_ds.map(lambda spec, label: spec))

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
model.compile(optimizer=tf.keras.optimizers.Adam(),
              loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=["accuracy"])
model.fit(train_spectrogram_ds, epochs=2, verbose=0)
print(model.predict(train_spectrogram_ds.take(1), verbose=0).shape)
