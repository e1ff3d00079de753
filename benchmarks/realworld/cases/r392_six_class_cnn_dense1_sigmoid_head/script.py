"""Small CNN sorting 32x32 photos into six scene classes (labels one-hot encoded)."""
import numpy as np
import keras
from keras import layers

img_width, img_height = 32, 32
classes_num = 6

rng = np.random.default_rng(7)
train_images = rng.random((120, img_width, img_height, 3)).astype("float32")
train_labels = keras.utils.to_categorical(rng.integers(0, classes_num, size=120), classes_num)

model = keras.Sequential()
model.add(keras.Input(shape=(img_width, img_height, 3)))
model.add(layers.Conv2D(32, (3, 3), activation="relu"))
model.add(layers.MaxPooling2D(pool_size=(2, 2)))
model.add(layers.Conv2D(64, (3, 3), activation="relu"))
model.add(layers.MaxPooling2D(pool_size=(2, 2)))
model.add(layers.Flatten())
model.add(layers.Dense(64, activation="relu"))
model.add(layers.Dropout(0.5))
model.add(layers.Dense(1, activation="sigmoid"))
model.compile(loss="categorical_crossentropy", optimizer="rmsprop", metrics=["accuracy"])
model.fit(train_images, train_labels, batch_size=16, epochs=1, verbose=0)
