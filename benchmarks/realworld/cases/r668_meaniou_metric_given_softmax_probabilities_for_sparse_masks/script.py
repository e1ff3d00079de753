# Small road-scene segmenter: 4 classes (background, road, car, pedestrian), integer
# masks (N, H, W, 1), a per-pixel softmax head and sparse categorical cross-entropy.
# Mean IoU is tracked next to the loss.
import numpy as np
import keras
from keras import layers

N_CLASSES = 4
rng = np.random.default_rng(32875)
frames = rng.random((24, 32, 32, 3)).astype("float32")
masks = rng.integers(0, N_CLASSES, size=(24, 32, 32, 1))

frame_in = keras.Input(shape=(32, 32, 3))
h = layers.Conv2D(16, 3, padding="same", activation="relu")(frame_in)
h = layers.MaxPooling2D(2)(h)
h = layers.Conv2D(32, 3, padding="same", activation="relu")(h)
h = layers.UpSampling2D(2)(h)
class_probs = layers.Conv2D(N_CLASSES, 1, activation="softmax")(h)
segmenter = keras.Model(frame_in, class_probs)

mean_iou = keras.metrics.MeanIoU(num_classes=N_CLASSES)
segmenter.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy", mean_iou])
segmenter.fit(frames, masks, batch_size=8, epochs=2, verbose=0)
print(segmenter.evaluate(frames, masks, verbose=0))
