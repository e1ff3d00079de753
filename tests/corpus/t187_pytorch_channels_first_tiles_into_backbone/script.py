import numpy as np
import keras
from keras import layers

# Tiles exported from a PyTorch pipeline: (N, channels, height, width).
rng = np.random.default_rng(0)
tiles = rng.random((24, 3, 64, 64)).astype("float32")
classes = rng.integers(0, 5, size=(24,))

# A feature extractor trained earlier on 64x64 RGB tiles, kept as its own model.
backbone = keras.Sequential([
    keras.Input(shape=(64, 64, 3)),
    layers.Conv2D(8, 3, strides=2, activation="relu"),
    layers.Conv2D(16, 3, strides=2, activation="relu"),
], name="backbone")
backbone.trainable = False

inputs = keras.Input(shape=(64, 64, 3))
x = backbone(inputs)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(5, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(tiles, classes, epochs=1, batch_size=8, verbose=0)
