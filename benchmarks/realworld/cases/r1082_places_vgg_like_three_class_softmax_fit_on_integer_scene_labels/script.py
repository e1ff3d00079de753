import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(11)
img_width, img_height = 48, 48
n_classes = 3

# scenes from three Places categories, labels as the generator gives them
train_images = rng.random((30, img_width, img_height, 3)).astype("float32")
train_labels = rng.integers(0, n_classes, size=(30, 1)).astype("float32")
val_images = rng.random((10, img_width, img_height, 3)).astype("float32")
val_labels = rng.integers(0, n_classes, size=(10, 1)).astype("float32")

model = keras.Sequential([
    keras.Input(shape=(img_width, img_height, 3)),
    layers.Conv2D(16, (3, 3), activation="relu", padding="same"),
    layers.Conv2D(16, (3, 3), activation="relu", padding="same"),
    layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2)),
    layers.Conv2D(32, (3, 3), activation="relu", padding="same"),
    layers.Conv2D(32, (3, 3), activation="relu", padding="same"),
    layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2)),
    layers.Flatten(),
    layers.Dense(64, activation="relu"),
    layers.Dropout(0.5),
    layers.Dense(n_classes, activation="softmax"),
])
model.compile(loss="categorical_crossentropy", optimizer="sgd", metrics=["accuracy"])

model.fit(train_images, train_labels, batch_size=5, epochs=2,
          validation_data=(val_images, val_labels), verbose=0)
print("vgg-like model trained")
