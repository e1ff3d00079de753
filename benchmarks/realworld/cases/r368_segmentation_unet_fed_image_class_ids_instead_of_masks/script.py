"""Ten-class semantic segmentation with a small encoder-decoder (softmax per
pixel). The training targets are read from the dataset's label file."""
import numpy as np
import keras
from keras import layers

n_classes = 10
H = W = 48
rng = np.random.default_rng(15)
images = rng.random((96, H, W, 3)).astype("float32")
labels = rng.integers(0, n_classes, size=(96, 1))      # labels.csv: one class id per image
y_train = keras.utils.to_categorical(labels, n_classes)

inputs = keras.Input((H, W, 3))
x = layers.Conv2D(16, 3, padding="same", activation="relu")(inputs)
x = layers.MaxPooling2D()(x)
x = layers.Conv2D(32, 3, padding="same", activation="relu")(x)
x = layers.UpSampling2D()(x)
outputs = layers.Conv2D(n_classes, 1, activation="softmax")(x)
model = keras.Model(inputs, outputs)

model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(images, y_train, batch_size=16, epochs=2, verbose=0)
