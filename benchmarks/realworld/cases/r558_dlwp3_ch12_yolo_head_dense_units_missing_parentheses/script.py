# Single-stage grid detector: a conv backbone, a dense head reshaped to a grid of
# (box + confidence, class probabilities) per cell, trained on synthetic boxes.
import numpy as np
import keras
from keras import layers

image_size = 64
grid_size = 6
num_labels = 91

backbone = keras.Sequential([
    layers.Conv2D(16, 3, strides=2, activation="relu"),
    layers.Conv2D(32, 3, strides=2, activation="relu"),
], name="backbone")

inputs = keras.Input(shape=(image_size, image_size, 3))
x = backbone(inputs)
x = layers.Conv2D(64, (3, 3), strides=(2, 2))(x)
x = layers.Flatten()(x)
x = layers.Dense(256, activation="relu", kernel_initializer="glorot_normal")(x)
x = layers.Dropout(0.5)(x)
x = layers.Dense(grid_size * grid_size * num_labels + 5)(x)
x = layers.Reshape((grid_size, grid_size, num_labels + 5))(x)
box_predictions = x[..., :5]
class_predictions = layers.Activation("softmax")(x[..., 5:])
outputs = {"box": box_predictions, "class": class_predictions}
model = keras.Model(inputs, outputs)

rng = np.random.default_rng(12)
images = rng.random((48, image_size, image_size, 3)).astype("float32")
box_array = rng.random((48, grid_size, grid_size, 5)).astype("float32")
class_array = rng.integers(0, num_labels, size=(48, grid_size, grid_size))

model.compile(optimizer=keras.optimizers.Adam(2e-4),
              loss={"box": "mse", "class": "sparse_categorical_crossentropy"})
model.fit(images, {"box": box_array, "class": class_array}, batch_size=16, epochs=1, verbose=0)
print({k: v.shape for k, v in model.predict(images[:2], verbose=0).items()})
