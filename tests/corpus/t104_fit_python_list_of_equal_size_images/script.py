import numpy as np
import keras
from keras import layers

# Character faces: grayscale 40x40 crops gathered one image at a time.
rng = np.random.default_rng(0)
features = []
labels = []
for i in range(60):
    crop = rng.random((40, 40)).astype("float32")
    features.append(crop)
    labels.append(i % 4)
labels = np.array(labels)

model = keras.Sequential([
    keras.Input(shape=(40, 40)),
    layers.Flatten(),
    layers.Dense(32, activation="relu"),
    layers.Dense(4, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(features, labels, epochs=1, batch_size=16, verbose=0)
