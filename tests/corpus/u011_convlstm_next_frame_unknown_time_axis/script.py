import numpy as np
import keras
from keras import layers

# Next-frame prediction (after the Keras ConvLSTM example): the time axis of the input is
# left unknown, so the output is (None, None, 16, 16, 1) while the labels are (N, 5, 16, 16, 1).
frames = np.random.rand(8, 5, 16, 16, 1).astype("float32")
shifted = np.random.rand(8, 5, 16, 16, 1).astype("float32")

inputs = keras.Input(shape=(None, 16, 16, 1))
h = layers.ConvLSTM2D(4, (3, 3), padding="same", return_sequences=True)(inputs)
outputs = layers.Conv3D(1, (3, 3, 3), padding="same", activation="sigmoid")(h)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(frames, shifted, epochs=1, batch_size=4, verbose=0)

# The same unknown time axis under a categorical loss: per-frame one-hot classes.
clips = np.random.rand(8, 5, 6).astype("float32")
classes = keras.utils.to_categorical(np.random.randint(0, 3, size=(8, 5)), 3)
seq_in = keras.Input(shape=(None, 6))
seq = layers.LSTM(8, return_sequences=True)(seq_in)
seq_out = layers.Dense(3, activation="softmax")(seq)
tagger = keras.Model(seq_in, seq_out)
tagger.compile(optimizer="adam", loss="categorical_crossentropy")
tagger.fit(clips, classes, epochs=1, batch_size=4, verbose=0)
