# Keyword-spotting CNN on raw 1-second clips: the waveform is cut into frames of 100
# samples, two Conv2D/MaxPooling2D blocks run over (frames, samples), then Flatten and
# two Dense layers classify the command. The model factory takes the clip length as an
# argument and is called with input_length=None "so that any clip length works".
import numpy as np
import keras
from keras import layers

SR = 8000
N_COMMANDS = 6


def conv_speech_model(n_categories, input_length=SR):
    wave = keras.Input(shape=(input_length,), name="wave")
    frames = layers.Reshape((-1, 100, 1))(wave)
    x = layers.Conv2D(8, (5, 5), activation="relu", padding="same")(frames)
    x = layers.MaxPooling2D((2, 2))(x)
    x = layers.Conv2D(16, (3, 3), activation="relu", padding="same")(x)
    x = layers.MaxPooling2D((2, 2))(x)
    x = layers.Flatten()(x)
    x = layers.Dense(64, activation="relu")(x)
    out = layers.Dense(n_categories, activation="softmax")(x)
    return keras.Model(wave, out, name="ConvSpeechModel")


model = conv_speech_model(N_COMMANDS, input_length=None)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

rng = np.random.default_rng(8)
clips = rng.normal(size=(32, SR)).astype("float32")
commands = rng.integers(0, N_COMMANDS, size=32)
model.fit(clips, commands, batch_size=8, epochs=1, verbose=0)
