import numpy as np
import keras
from keras import layers

# line images of handwritten text, 32 x 96, labelled per line with one of 12 writers
img_h, img_w, n_writers = 32, 96, 12
rng = np.random.default_rng(129)
lines = rng.random((80, img_h, img_w, 1)).astype("float32")
writer = keras.utils.to_categorical(rng.integers(0, n_writers, size=80), n_writers)

inp = keras.Input(shape=(img_h, img_w, 1))
x = layers.Conv2D(20, 7, padding="same", activation="relu")(inp)
x = layers.MaxPooling2D(2)(x)
x = layers.Conv2D(50, 5, padding="same", activation="relu")(x)
x = layers.MaxPooling2D(2)(x)
x = layers.Conv2D(64, 3, padding="same", activation="relu")(x)
x = layers.MaxPooling2D(2)(x)
x = layers.Flatten()(x)
x = layers.LSTM(128)(x)
out = layers.Dense(n_writers, activation="softmax")(x)
model = keras.Model(inp, out)
model.compile(loss="categorical_crossentropy", optimizer=keras.optimizers.SGD(0.01, momentum=0.9, nesterov=True))
model.fit(lines, writer, batch_size=16, epochs=1, verbose=0)
print("trained")
