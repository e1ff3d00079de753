# Three-class texture classifier for patches of any size: global pooling makes the head independent of height and width.
import numpy as np
import keras
from keras import layers

patch = keras.Input(shape=(None, None, 3), name="patch")
h = layers.Conv2D(32, 3, padding="same", activation="relu")(patch)
h = layers.MaxPooling2D()(h)
h = layers.Conv2D(48, 3, padding="same", activation="relu")(h)
h = layers.GlobalAveragePooling2D()(h)
h = layers.Dense(32, activation="relu")(h)
texture = layers.Dense(3, activation="softmax")(h)
classifier = keras.Model(patch, texture, name="texture_classifier")
classifier.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

rng = np.random.default_rng(113)
for side in (40, 56, 72):
    batch = rng.random((12, side, side, 3)).astype("float32")
    classifier.train_on_batch(batch, rng.integers(0, 3, size=12))
print(classifier.predict(rng.random((3, 96, 64, 3)).astype("float32"), verbose=0).round(3))
