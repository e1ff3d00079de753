import numpy as np
import keras
from keras import layers

NUM_POINTS = 256
NUM_SHAPES = 4
rng = np.random.default_rng(926)


def sample_cloud(kind):
    # points on a noisy sphere / cube / cylinder / plane, one (256, 3) cloud per object
    pts = rng.normal(size=(NUM_POINTS, 3))
    if kind == 0:
        pts /= np.linalg.norm(pts, axis=1, keepdims=True)
    elif kind == 1:
        pts = np.clip(pts, -1, 1)
    elif kind == 2:
        pts[:, :2] /= np.linalg.norm(pts[:, :2], axis=1, keepdims=True)
    else:
        pts[:, 2] = 0.05 * pts[:, 2]
    return (pts + 0.02 * rng.normal(size=pts.shape)).astype("float32")


labels = rng.integers(0, NUM_SHAPES, size=96)
clouds = np.stack([sample_cloud(k) for k in labels])
print("clouds", clouds.shape)

points_in = keras.Input(shape=(NUM_POINTS, 3), name="points")
x = layers.Conv2D(64, (1, 1), activation="relu", name="conv1")(points_in)
x = layers.Conv2D(128, (1, 1), activation="relu", name="conv2")(x)
x = layers.GlobalMaxPooling2D()(x)
x = layers.Dense(64, activation="relu")(x)
shape_out = layers.Dense(NUM_SHAPES, activation="softmax")(x)
pointnet = keras.Model(points_in, shape_out)
pointnet.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

pointnet.fit(clouds, labels, batch_size=16, epochs=2, verbose=0)
print(pointnet.evaluate(clouds, labels, verbose=0))
