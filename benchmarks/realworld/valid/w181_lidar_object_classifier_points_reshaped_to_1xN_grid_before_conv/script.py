# LiDAR object classifier: each object is 128 returned points (x, y, z).
# The points are laid out as a 1 x 128 "image" with the coordinates as channels,
# so 1x1 convolutions act as a shared per-point MLP before the global max pool.
import numpy as np
import keras
from keras import layers

N_RETURNS = 128
rng = np.random.default_rng(181)
kinds = rng.integers(0, 3, size=90)
scans = []
for k in kinds:
    p = rng.normal(size=(N_RETURNS, 3))
    if k == 0:
        p *= [2.0, 0.5, 0.5]      # car-like: long and low
    elif k == 1:
        p *= [0.3, 0.3, 1.7]      # pedestrian-like: tall and thin
    else:
        p *= [0.6, 0.6, 0.6]      # bush-like: round
    scans.append(p)
scans = np.asarray(scans, dtype="float32")
print("scans", scans.shape)

returns_in = keras.Input(shape=(N_RETURNS, 3))
grid = layers.Reshape((1, N_RETURNS, 3))(returns_in)
h = layers.Conv2D(32, (1, 1), activation="relu")(grid)
h = layers.Conv2D(64, (1, 1), activation="relu")(h)
h = layers.GlobalMaxPooling2D()(h)
kind_out = layers.Dense(3, activation="softmax")(h)
classifier = keras.Model(returns_in, kind_out)
classifier.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

classifier.fit(scans, kinds, batch_size=15, epochs=2, verbose=0)
print("predicted kinds", classifier.predict(scans[:4], verbose=0).argmax(axis=1))
