import numpy as np
import keras
from keras import layers


def feature_extractor(x):
    x = layers.Conv2D(16, 3, padding="same", activation="relu")(x)
    x = layers.BatchNormalization()(x)
    return x


def sequence_head(x, n_classes):
    x = layers.LSTM(64)(x)
    x = layers.Dense(n_classes, activation="softmax")(x)
    return x


# Spectrogram-like input: 32 time frames x 20 mel bins x 1 channel.
inp = keras.Input(shape=(32, 20, 1))
feats = feature_extractor(inp)
out = sequence_head(feats, n_classes=5)
model = keras.Model(inp, out)
model.summary()
