import numpy as np
import keras
from keras import layers

n_frames = 4
num_classes = 10

# Sequences of 4 small frames: a CNN per frame, then an LSTM over the frames.
inputs = keras.Input(shape=(n_frames, 28, 28, 1))
x = layers.TimeDistributed(layers.Conv2D(16, 3, activation="relu"))(inputs)
x = layers.TimeDistributed(layers.MaxPooling2D(2))(x)
x = layers.Conv2D(32, 3, activation="relu")(x)
x = layers.TimeDistributed(layers.MaxPooling2D(2))(x)
x = layers.TimeDistributed(layers.Flatten())(x)
x = layers.LSTM(32)(x)
outputs = layers.Dense(num_classes, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")

clips = np.random.rand(16, n_frames, 28, 28, 1).astype("float32")
labels = np.random.randint(0, num_classes, size=(16,))
model.fit(clips, labels, batch_size=8, epochs=1, verbose=0)
