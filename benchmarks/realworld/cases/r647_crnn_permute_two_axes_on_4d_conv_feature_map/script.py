# CRNN for bird-call tagging on mel spectrograms (frequency x time x 1): two conv blocks
# extract local patterns, then the feature map is permuted so that time comes first,
# reshaped to (time steps, frequency * channels) and read by a GRU.
import numpy as np
import keras
from keras import layers

N_MELS, N_FRAMES, N_TAGS = 32, 48, 4

spec_in = keras.Input(shape=(N_MELS, N_FRAMES, 1))
x = layers.Conv2D(16, 3, padding="same", activation="relu")(spec_in)
x = layers.MaxPooling2D((2, 2))(x)
x = layers.Conv2D(32, 3, padding="same", activation="relu")(x)
x = layers.MaxPooling2D((2, 1))(x)
x = layers.Permute((2, 1))(x)
x = layers.Reshape((N_FRAMES // 2, (N_MELS // 4) * 32))(x)
x = layers.GRU(32)(x)
tags = layers.Dense(N_TAGS, activation="sigmoid")(x)
crnn = keras.Model(spec_in, tags)
crnn.compile(optimizer="adam", loss="binary_crossentropy")

rng = np.random.default_rng(3507)
specs = rng.random((16, N_MELS, N_FRAMES, 1)).astype("float32")
labels = (rng.random((16, N_TAGS)) > 0.5).astype("float32")
crnn.fit(specs, labels, batch_size=8, epochs=1, verbose=0)
