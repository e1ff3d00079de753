import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    layers.Conv2D(16, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")

x_test = np.random.rand(5, 28, 28, 1).astype("float32")
image = x_test[0]          # shape (28, 28, 1): the batch axis is gone
probs = model.predict(image, verbose=0)
print(probs.argmax())
