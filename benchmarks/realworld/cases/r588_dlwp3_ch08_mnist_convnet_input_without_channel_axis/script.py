# First MNIST convnet of the chapter: three Conv2D layers with max pooling,
# global average pooling and a softmax over the ten digits.
import numpy as np
import keras
from keras import layers

inputs = keras.Input(shape=(28, 28))
x = layers.Conv2D(filters=64, kernel_size=3, activation="relu")(inputs)
x = layers.MaxPooling2D(pool_size=2)(x)
x = layers.Conv2D(filters=128, kernel_size=3, activation="relu")(x)
x = layers.MaxPooling2D(pool_size=2)(x)
x = layers.Conv2D(filters=256, kernel_size=3, activation="relu")(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs=inputs, outputs=outputs)

rng = np.random.default_rng(9)
train_images = rng.integers(0, 256, size=(300, 28, 28)).astype("uint8")
train_labels = rng.integers(0, 10, size=(300,))
train_images = train_images.reshape((300, 28, 28, 1))
train_images = train_images.astype("float32") / 255

model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(train_images, train_labels, epochs=1, batch_size=64, verbose=0)
print(model.evaluate(train_images[:64], train_labels[:64], verbose=0))
