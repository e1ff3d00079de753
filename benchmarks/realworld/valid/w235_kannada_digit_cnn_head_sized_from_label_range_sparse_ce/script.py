import numpy as np
import keras
from keras import layers

# Kannada-MNIST style digits: 28x28 grayscale, integer labels 0..9.
rng = np.random.default_rng(3)
x_train = rng.integers(0, 256, size=(80, 28, 28, 1)).astype("float32")
y_train = rng.integers(0, 10, size=(80,))
x_val = rng.integers(0, 256, size=(20, 28, 28, 1)).astype("float32")
y_val = rng.integers(0, 10, size=(20,))

num_classes = int(max(y_train.max(), y_val.max())) + 1
print("classes:", num_classes)

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Rescaling(1.0 / 255),
    layers.Conv2D(16, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(32, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(64, activation="relu"),
    layers.Dense(num_classes, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=2, batch_size=16, validation_data=(x_val, y_val), verbose=2)

probs = model.predict(x_val[:3], verbose=0)
print("predicted digits:", probs.argmax(axis=-1), "probabilities:", probs.shape)
