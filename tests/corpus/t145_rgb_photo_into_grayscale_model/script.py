import numpy as np
import keras
from keras import layers

# Digit classifier trained on 28x28 grayscale images.
rng = np.random.default_rng(5)
x_train = rng.random((64, 28, 28, 1)).astype("float32")
y_train = rng.integers(0, 10, size=(64,))

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(8, 3, activation="relu"),
    layers.MaxPooling2D(2),
    layers.Flatten(),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x_train, y_train, epochs=1, batch_size=16, verbose=0)

# A digit drawn in Paint, saved as a colour image (28x28 pixels, 3 channels).
drawing = rng.integers(0, 256, size=(28, 28, 3)).astype("float32")
digit = drawing / 255.0
print(model.predict(digit[np.newaxis], verbose=0).argmax())
