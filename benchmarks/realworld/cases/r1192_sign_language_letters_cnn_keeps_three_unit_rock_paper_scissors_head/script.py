import numpy as np
import keras
from keras import layers

# Sign Language MNIST style data: 28x28 grayscale hand images, one letter per
# image, labels 0..25 for A..Z (J=9 and Z=25 never occur: they need motion).
rng = np.random.default_rng(1)
letters = np.array([c for c in range(26) if c not in (9, 25)])


def make_split(n):
    images = rng.integers(0, 256, size=(n, 28, 28)).astype("float32")
    labels = rng.choice(letters, size=n)
    return np.expand_dims(images, axis=-1), labels


training_images, training_labels = make_split(96)
validation_images, validation_labels = make_split(32)
print("images:", training_images.shape, "labels:", training_labels.shape,
      "largest label:", training_labels.max())


def create_model():
    model = keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        layers.Rescaling(1.0 / 255),
        layers.Conv2D(32, (3, 3), activation="relu"),
        layers.MaxPooling2D(2, 2),
        layers.Conv2D(64, (3, 3), activation="relu"),
        layers.MaxPooling2D(2, 2),
        layers.Flatten(),
        layers.Dense(256, activation="relu"),
        layers.Dense(3, activation="softmax"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.001),
                  loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    return model


model = create_model()
history = model.fit(training_images, training_labels, epochs=2, batch_size=32,
                    validation_data=(validation_images, validation_labels), verbose=2)
print("final val accuracy:", history.history["val_accuracy"][-1])
