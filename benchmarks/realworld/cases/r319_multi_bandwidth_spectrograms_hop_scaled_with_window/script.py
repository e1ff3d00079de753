# Audio classification with trainable STFT layers: three spectrograms of different
# bandwidths (window sizes) are stacked as the three channels of an image for a CNN.
import numpy as np
import keras
from keras import layers

SAMPLE_RATE = 16000
NUM_CLASSES = 10
BATCH_SIZE = 8

rng = np.random.default_rng(15)
train_x = rng.normal(0.0, 0.1, size=(32, 8000, 1)).astype("float32")  # 0.5 s clips
train_y = rng.integers(0, NUM_CLASSES, size=(32,))
valid_x = rng.normal(0.0, 0.1, size=(8, 8000, 1)).astype("float32")
valid_y = rng.integers(0, NUM_CLASSES, size=(8,))

input = layers.Input((None, 1))
spectrograms = [
    layers.STFTSpectrogram(
        mode="log",
        frame_length=SAMPLE_RATE * frame_size // 1000,
        frame_step=SAMPLE_RATE * frame_size // 2 // 1000,
        fft_length=1024,
        padding="same",
        expand_dims=True,
    )(input)
    for frame_size in [30, 40, 50]  # frame size in milliseconds
]

multi_spectrograms = layers.Concatenate(axis=-1)(spectrograms)

img_model = keras.Sequential([
    layers.Conv2D(16, 3, strides=2, activation="relu"),
    layers.Conv2D(32, 3, strides=2, activation="relu"),
    layers.GlobalMaxPooling2D(),
])
output = img_model(multi_spectrograms)

output = layers.Dropout(0.5)(output)
output = layers.Dense(64, activation="relu")(output)
output = layers.Dense(NUM_CLASSES, activation="softmax")(output)
model2d = keras.Model(input, output, name="model_2d_trainble_stft")

model2d.compile(
    optimizer=keras.optimizers.Adam(1e-4),
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)
history_model2d = model2d.fit(
    train_x, train_y, batch_size=BATCH_SIZE, validation_data=(valid_x, valid_y), epochs=1, verbose=0
)
print("trained")
