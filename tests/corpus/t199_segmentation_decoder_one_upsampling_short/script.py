import numpy as np
import keras
from keras import layers

# Pet segmentation: 3 classes per pixel, masks hold one class id per pixel of the 64x64 image.
img_size, num_classes = (64, 64), 3
images = np.random.rand(16, 64, 64, 3).astype("float32")
masks = np.random.randint(0, num_classes, size=(16, 64, 64, 1))

inputs = keras.Input(shape=img_size + (3,))
x = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(inputs)
x = layers.SeparableConv2D(64, 3, padding="same", activation="relu")(x)
x = layers.MaxPooling2D(3, strides=2, padding="same")(x)
x = layers.SeparableConv2D(128, 3, padding="same", activation="relu")(x)
x = layers.MaxPooling2D(3, strides=2, padding="same")(x)
x = layers.Conv2DTranspose(128, 3, padding="same", activation="relu")(x)
x = layers.UpSampling2D(2)(x)
x = layers.Conv2DTranspose(64, 3, padding="same", activation="relu")(x)
x = layers.UpSampling2D(2)(x)
x = layers.Conv2DTranspose(32, 3, padding="same", activation="relu")(x)
outputs = layers.Conv2D(num_classes, 3, padding="same", activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy")
model.fit(images, masks, epochs=1, batch_size=8, verbose=0)
