import numpy as np
import keras
from keras import layers

# Fingerspelled letters as 32x32 grey crops. Labels are alphabet positions (A=0 ... Z=25);
# J (9) and Z (25) need motion and are absent, so only 24 of the 26 codes occur.
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
static_codes = np.array([i for i, ch in enumerate(ALPHABET) if ch not in "JZ"])
rng = np.random.default_rng(17)

train_y = rng.choice(static_codes, size=200)
val_y = rng.choice(static_codes, size=48)
train_x = rng.uniform(size=(200, 32, 32)).astype("float32")
val_x = rng.uniform(size=(48, 32, 32)).astype("float32")
train_x = train_x[..., np.newaxis]
val_x = val_x[..., np.newaxis]

# one softmax unit per alphabet position, so every code up to Y (24) has its own unit
n_outputs = len(ALPHABET)

net = keras.Sequential([
    keras.Input(shape=(32, 32, 1)),
    layers.RandomTranslation(0.1, 0.1),
    layers.Conv2D(24, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(48, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(96, activation="relu"),
    layers.Dense(n_outputs, activation="softmax"),
])
net.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
net.fit(train_x, train_y, batch_size=25, epochs=1, validation_data=(val_x, val_y), verbose=0)

probs = net.predict(val_x[:3], verbose=0)
print("predicted letters:", [ALPHABET[i] for i in probs.argmax(axis=1)])
print("eval:", net.evaluate(val_x, val_y, verbose=0))
