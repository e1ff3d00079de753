# Audio clip classifier on mel spectrograms; each melgram is kept as (1, n_mels, n_frames),
# the way the preprocessing step saves it.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(870)
class_names = ["tring", "hold", "ring"]
n_mels, n_frames = 96, 64


def fake_melgram():
    spec = np.abs(rng.normal(size=(n_mels, n_frames))).astype("float32")
    return spec[np.newaxis, :, :]


X_train = np.stack([fake_melgram() for _ in range(90)])
Y_train = keras.utils.to_categorical(rng.integers(0, len(class_names), 90), len(class_names))
input_shape = X_train.shape[1:]
print("melgram batch:", X_train.shape)

model = keras.Sequential()
model.add(keras.Input(shape=input_shape))
model.add(layers.Conv2D(32, (3, 3), padding="valid"))
model.add(layers.BatchNormalization(axis=1))
model.add(layers.Activation("relu"))
model.add(layers.Conv2D(32, (3, 3)))
model.add(layers.Activation("elu"))
model.add(layers.MaxPooling2D(pool_size=(2, 2)))
model.add(layers.Dropout(0.25))
model.add(layers.Flatten())
model.add(layers.Dense(64, activation="elu"))
model.add(layers.Dense(len(class_names), activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adadelta", metrics=["accuracy"])

model.fit(X_train, Y_train, batch_size=16, epochs=2, verbose=0)
print("trained")
