# Spatio-temporal autoencoder for abnormal-event detection in surveillance video: grey
# frames are stacked into a (height, width, total_frames) strip, cut into clips of 8
# consecutive frames, encoded by strided 3-D convolutions, passed through ConvLSTM2D
# layers (the temporal encoder) and decoded back to the clip by transposed convolutions.
import numpy as np
import keras
from keras import layers

SIDE, CLIP = 61, 8
rng = np.random.default_rng(21)
frames = rng.random((96, SIDE, SIDE)).astype("float32")    # 96 grey video frames

strip = np.stack(list(frames), axis=-1)                    # (61, 61, 96)
clips = strip.reshape(SIDE, SIDE, -1, CLIP)                 # (61, 61, 12, 8)
clips = np.transpose(clips, (2, 0, 1, 3))[..., None]        # (12, 61, 61, 8, 1)

model = keras.Sequential([
    keras.Input(shape=(SIDE, SIDE, CLIP, 1)),
    layers.Conv3D(32, kernel_size=(5, 5, 1), strides=(2, 2, 1), activation="tanh"),
    layers.Conv3D(16, kernel_size=(3, 3, 1), strides=(2, 2, 1), activation="tanh"),
    layers.ConvLSTM2D(16, kernel_size=(3, 3), padding="same", return_sequences=True),
    layers.ConvLSTM2D(8, kernel_size=(3, 3), padding="same", return_sequences=True),
    layers.ConvLSTM2D(16, kernel_size=(3, 3), padding="same", return_sequences=True),
    layers.Conv3DTranspose(32, kernel_size=(3, 3, 1), strides=(2, 2, 1), activation="tanh"),
    layers.Conv3DTranspose(1, kernel_size=(5, 5, 1), strides=(2, 2, 1), activation="tanh"),
])
model.compile(optimizer="adam", loss="mean_squared_error")
model.fit(clips, clips, batch_size=4, epochs=1, verbose=0)
errors = np.mean((model.predict(clips, verbose=0) - clips) ** 2, axis=(1, 2, 3, 4))
print("reconstruction error per clip:", errors.round(4))
