# Image captioning / VQA style region model: precomputed CNN feature maps stored
# channels-first (channels, 7, 7) are turned into a sequence of 49 region vectors
# (one row per image patch, one column per channel), then attended over by an LSTM.
import numpy as np
import keras
from keras import layers

CHANNELS, GRID = 64, 7
rng = np.random.default_rng(2167)
feature_maps = rng.normal(size=(96, CHANNELS, GRID, GRID)).astype("float32")
answers = rng.integers(0, 5, size=96)

inputs = keras.Input(shape=(CHANNELS, GRID, GRID))
regions = layers.Reshape((GRID * GRID, CHANNELS))(inputs)
x = layers.LSTM(32)(regions)
outputs = layers.Dense(5, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

model.fit(feature_maps, answers, batch_size=16, epochs=2, verbose=0)
print(model.predict(feature_maps[:2], verbose=0).shape)
