# Quick, Draw! trainer: flattened 28x28 doodles reshaped to images with one channel,
# fed to a small convnet whose first layer declares the input shape.
import numpy as np
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Flatten, Dense, Dropout
from keras.utils import to_categorical

image_x, image_y = 28, 28
num_of_classes = 4

rng = np.random.default_rng(1)
flat = rng.integers(0, 256, size=(120, image_x * image_y)).astype("float32") / 255.0
doodles = flat.reshape(flat.shape[0], image_x, image_y, 1)
targets = to_categorical(rng.integers(0, num_of_classes, size=120), num_of_classes)

model = Sequential()
model.add(Conv2D(32, (5, 5), input_shape=(image_x, image_y), activation="relu"))
model.add(MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="same"))
model.add(Conv2D(64, (5, 5), activation="relu"))
model.add(MaxPooling2D(pool_size=(5, 5), strides=(5, 5), padding="same"))
model.add(Flatten())
model.add(Dense(256, activation="relu"))
model.add(Dropout(0.6))
model.add(Dense(num_of_classes, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])

model.fit(doodles, targets, validation_split=0.2, epochs=1, batch_size=32, verbose=0)
