import numpy as np
import keras
from keras import layers

# Sign Language MNIST rows: a label column followed by 784 pixel columns
rng = np.random.default_rng(17)
rows = np.concatenate([rng.integers(0, 24, size=(200, 1)),
                       rng.integers(0, 256, size=(200, 784))], axis=1).astype("float32")
labels = rows[:, 0].astype("int64")
images = rows[:, 1:].reshape(-1, 28, 28)            # (200, 28, 28)
training_images, validation_images = images[:160] / 255.0, images[160:] / 255.0
training_labels, validation_labels = labels[:160], labels[160:]

model = keras.Sequential([
    keras.Input(shape=(28, 28)),
    layers.Conv2D(64, (3, 3), activation="relu"),
    layers.MaxPooling2D(2, 2),
    layers.Conv2D(64, (3, 3), activation="relu"),
    layers.MaxPooling2D(2, 2),
    layers.Flatten(),
    layers.Dense(128, activation="relu"),
    layers.Dense(26, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(training_images, training_labels, epochs=2, batch_size=32,
          validation_data=(validation_images, validation_labels), verbose=0)
print("trained on", training_images.shape)
