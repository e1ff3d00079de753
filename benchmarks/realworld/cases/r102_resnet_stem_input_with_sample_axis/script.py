import numpy as np
import tensorflow as tf
from tensorflow.keras import layers, Model

images = np.random.rand(40, 64, 64, 3).astype("float32")
masks = np.random.rand(40, 64, 64, 2).astype("float32")

img_input = layers.Input(shape=images.shape)
x = layers.ZeroPadding2D((3, 3))(img_input)
x = layers.Conv2D(16, (7, 7), strides=(2, 2))(x)
x = layers.BatchNormalization()(x)
x = layers.Activation("relu")(x)
x = layers.Conv2DTranspose(2, (7, 7), strides=(2, 2), padding="same")(x)
x = layers.Cropping2D(((3, 3), (3, 3)))(x)
out = layers.Activation("softmax")(x)
model = Model(img_input, out)
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(images, masks, epochs=1, batch_size=8, verbose=0)
