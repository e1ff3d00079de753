# Small Xception-like cats-vs-dogs convnet: blocks of BatchNorm/ReLU/SeparableConv2D
# with a strided max-pooling, and a 1x1 strided projection of each block's input
# added back as a residual.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(9)
photos = rng.integers(0, 256, size=(24, 64, 64, 3)).astype("float32")
is_dog = rng.integers(0, 2, size=24)

augment = keras.Sequential([
    layers.RandomFlip("horizontal"),
    layers.RandomRotation(0.1),
    layers.RandomZoom(0.2),
])

inputs = keras.Input(shape=(64, 64, 3))
x = augment(inputs)
x = layers.Rescaling(1.0 / 255)(x)
x = layers.Conv2D(filters=16, kernel_size=5, use_bias=False)(x)
for width in [16, 32, 64]:
    shortcut = x
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)
    x = layers.SeparableConv2D(width, 3, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)
    x = layers.SeparableConv2D(width, 3, padding="same", use_bias=False)(x)
    x = layers.MaxPooling2D(3, strides=2)(x)
    shortcut = layers.Conv2D(width, 1, strides=2, padding="same", use_bias=False)(shortcut)
    x = layers.add([x, shortcut])
x = layers.GlobalAveragePooling2D()(x)
x = layers.Dropout(0.5)(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs=inputs, outputs=outputs)

model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(photos, is_dog, batch_size=8, epochs=1, verbose=0)
