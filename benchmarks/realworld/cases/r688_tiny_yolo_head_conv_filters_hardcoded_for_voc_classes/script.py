# Tiny YOLOv2-style detector retrained for 3 custom classes (was 20 VOC classes): a small
# conv/pool body down to a 4 x 4 grid, a 1 x 1 conv predicting, for each of the 5 anchor
# boxes, 4 box offsets + 1 objectness score + class scores, reshaped per anchor.
import numpy as np
import keras
from keras import layers

ANCHORS = [(1.1, 1.4), (3.4, 4.4), (6.6, 11.4), (9.4, 5.1), (16.6, 10.5)]
N_CLASSES = 3
GRID = 4

frames = keras.Input(shape=(64, 64, 3))
h = frames
for width in (16, 32, 64, 128):
    h = layers.Conv2D(width, 3, padding="same", use_bias=False)(h)
    h = layers.BatchNormalization()(h)
    h = layers.LeakyReLU(negative_slope=0.1)(h)
    h = layers.MaxPooling2D(2)(h)
h = layers.Conv2D(125, (1, 1), padding="same", activation="linear")(h)
boxes = layers.Reshape((GRID, GRID, len(ANCHORS), 5 + N_CLASSES))(h)
detector = keras.Model(frames, boxes)
detector.compile(optimizer="adam", loss="mse")

rng = np.random.default_rng(2)
images = rng.random((16, 64, 64, 3)).astype("float32")
targets = rng.random((16, GRID, GRID, len(ANCHORS), 5 + N_CLASSES)).astype("float32")
detector.fit(images, targets, batch_size=8, epochs=1, verbose=0)
print(detector.predict(images[:2], verbose=0).shape)
