import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(21)
img_width, img_height = 32, 32
input_shape = (img_width, img_height, 3)

# three kinds of leaves; class index per image as the directory iterator returns it
train_images = rng.random((48, img_width, img_height, 3)).astype("float32")
train_classes = rng.integers(0, 3, size=(48,)).astype("float32")

model = keras.Sequential()
model.add(keras.Input(shape=input_shape))
model.add(layers.Conv2D(32, (3, 3)))
model.add(layers.Activation("relu"))
model.add(layers.MaxPooling2D(pool_size=(2, 2)))
model.add(layers.Conv2D(32, (3, 3)))
model.add(layers.Activation("relu"))
model.add(layers.MaxPooling2D(pool_size=(2, 2)))
model.add(layers.Conv2D(64, (3, 3)))
model.add(layers.Activation("relu"))
model.add(layers.MaxPooling2D(pool_size=(2, 2)))
model.add(layers.Flatten())
model.add(layers.Dense(64))
model.add(layers.Activation("relu"))
model.add(layers.Dropout(0.5))
model.add(layers.Dense(1))
model.add(layers.Activation("sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="rmsprop", metrics=["accuracy"])

history = model.fit(train_images, train_classes, batch_size=16, epochs=2, verbose=0)
print("final loss:", history.history["loss"][-1])
print("final accuracy:", history.history["accuracy"][-1])
