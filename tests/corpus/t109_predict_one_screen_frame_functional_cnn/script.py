import numpy as np
import keras
from keras import layers

# Driving frames 27x48 RGB, three steering keys.
frames = np.random.rand(24, 27, 48, 3).astype("float32")
keys = np.random.randint(0, 3, size=(24,))

inputs = keras.Input(shape=(27, 48, 3))
x = layers.Conv2D(8, 3, activation="relu")(inputs)
x = layers.MaxPooling2D(2)(x)
x = layers.Flatten()(x)
outputs = layers.Dense(3, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(frames, keys, epochs=1, batch_size=8, verbose=0)

# Live loop: grab one screen at a time and choose a key.
screen = np.random.rand(27, 48, 3).astype("float32")
choice = model.predict(screen, verbose=0)
print(np.argmax(choice))
