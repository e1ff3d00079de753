import numpy as np
import keras
from keras import layers

# Sign Language MNIST style data: 28x28 grayscale hand images, letter labels 0..25 (no J=9, no Z=25)
rng = np.random.default_rng(11)
letters = np.array([c for c in range(26) if c not in (9, 25)])
train_labels = rng.choice(letters, size=240).astype("int64")
train_images = rng.uniform(0, 255, size=(240, 28, 28)).astype("float32")
train_images += 3.0 * train_labels[:, None, None]           # a little signal per letter
val_labels = rng.choice(letters, size=48).astype("int64")
val_images = rng.uniform(0, 255, size=(48, 28, 28)).astype("float32")

train_images = np.expand_dims(train_images, axis=-1) / 255.0
val_images = np.expand_dims(val_images, axis=-1) / 255.0

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(32, (3, 3), activation="relu"),
    layers.MaxPooling2D(2, 2),
    layers.Conv2D(64, (3, 3), activation="relu"),
    layers.MaxPooling2D(2, 2),
    layers.Flatten(),
    layers.Dense(256, activation="relu"),
    layers.Dense(3, activation="softmax"),
])
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.001),
              loss="sparse_categorical_crossentropy", metrics=["accuracy"])

history = model.fit(train_images, train_labels, epochs=2, batch_size=32,
                    validation_data=(val_images, val_labels), verbose=0)
print("val accuracy:", history.history["val_accuracy"][-1])
