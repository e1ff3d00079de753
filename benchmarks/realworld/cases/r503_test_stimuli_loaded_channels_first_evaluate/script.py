# Digit-stimulus classifier: train on channels-last images, then score the held-out stimuli from the .mat export.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(3)
resolution = 28

# training stimuli, already (N, 28, 28, 1)
X_train = rng.random((200, resolution, resolution, 1)).astype("float32")
Y_train = keras.utils.to_categorical(rng.integers(0, 2, 200), 2)

# held-out stimuli as stored in the MATLAB export: (N, 1, 28, 28)
X_test = rng.random((40, 1, resolution, resolution)).astype("float32")
Y_test = keras.utils.to_categorical(rng.integers(0, 2, 40), 2)

inputs = keras.Input(shape=(resolution, resolution, 1))
x = layers.Conv2D(32, 3, activation="relu", padding="same")(inputs)
x = layers.MaxPooling2D()(x)
x = layers.Conv2D(64, 3, activation="relu", padding="same")(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(2, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])

model.fit(X_train, Y_train, epochs=2, batch_size=32, verbose=0)
loss, acc = model.evaluate(X_test, Y_test, verbose=0)
print("test accuracy", acc)
