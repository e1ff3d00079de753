"""Clip classifier: a ConvLSTM2D reads a sequence of spectrogram frames and predicts one class per clip."""
import numpy as np
import keras
from keras import layers

N_CLIPS, N_FRAMES, ROWS, COLS = 48, 12, 15, 32
N_CLASSES = 4

rng = np.random.default_rng(2)
clips = rng.random((N_CLIPS, N_FRAMES, ROWS, COLS, 1)).astype("float32")
clip_class = rng.integers(0, N_CLASSES, size=N_CLIPS)
frame_labels = np.repeat(clip_class[:, None], N_FRAMES, axis=1)
y = keras.utils.to_categorical(frame_labels, N_CLASSES)

model = keras.Sequential([
    keras.Input(shape=(N_FRAMES, ROWS, COLS, 1)),
    layers.ConvLSTM2D(16, kernel_size=(3, 3), padding="same", return_sequences=False),
    layers.BatchNormalization(),
    layers.Flatten(),
    layers.Dropout(0.2),
    layers.Dense(N_CLASSES, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(clips, y, batch_size=8, epochs=1, verbose=0)
print(model.predict(clips[:2], verbose=0))
