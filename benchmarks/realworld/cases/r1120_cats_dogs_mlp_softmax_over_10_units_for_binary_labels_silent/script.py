import numpy as np
import keras

BATCH_SIZE = 16
IMG_SHAPE = 32
class_names = ["cat", "dog"]

rng = np.random.default_rng(4)
# what flow_from_directory(..., class_mode="binary") yields: rescaled images, 0./1. labels
train_images = rng.random((96, IMG_SHAPE, IMG_SHAPE, 3)).astype("float32")
train_labels = rng.integers(0, 2, size=96).astype("float32")
val_images = rng.random((32, IMG_SHAPE, IMG_SHAPE, 3)).astype("float32")
val_labels = rng.integers(0, 2, size=32).astype("float32")

layer_neurons = [256, 128, 56, 28, 14]

model = keras.Sequential()
model.add(keras.Input(shape=(IMG_SHAPE, IMG_SHAPE, 3)))
model.add(keras.layers.Flatten())
for neurons in layer_neurons:
    model.add(keras.layers.Dense(neurons, activation="relu"))
    model.add(keras.layers.Dropout(0.3))
model.add(keras.layers.Dense(10, activation="softmax"))

model.compile(optimizer="adam", loss="sparse_categorical_crossentropy",
              metrics=["accuracy"])
history = model.fit(train_images, train_labels, batch_size=BATCH_SIZE, epochs=2,
                    validation_data=(val_images, val_labels))

probs = model.predict(val_images[:8], verbose=0)
print("output shape:", probs.shape)
print("predicted class ids:", probs.argmax(axis=-1))
