# Small CNN classifying 59x93 spectrogram patches (frames x frequency bins, one channel) into 4 sound events.
import numpy as np
from keras.models import Sequential
from keras.layers import Input, Conv2D, Dropout, Flatten, Dense
from keras.utils import to_categorical

n_frames, n_bins, n_classes = 59, 93, 4
rng = np.random.default_rng(8029)
patches = rng.normal(size=(256, n_frames, n_bins)).astype("float32")
events = rng.integers(0, n_classes, size=256)

X = patches.reshape(-1, n_frames, n_bins, 1)
Y = to_categorical(events, n_classes)

model = Sequential()
model.add(Input(shape=(1, n_frames, n_bins)))
model.add(Conv2D(8, (3, 3), padding="same", activation="relu"))
model.add(Dropout(0.25))
model.add(Flatten())
model.add(Dense(32, activation="relu"))
model.add(Dense(n_classes, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="rmsprop", metrics=["accuracy"])
model.fit(X, Y, batch_size=64, epochs=2, verbose=0)
print(model.evaluate(X, Y, verbose=0))
