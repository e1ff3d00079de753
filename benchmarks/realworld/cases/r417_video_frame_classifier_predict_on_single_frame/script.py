import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(0)
frames = rng.random((120, 32, 32, 3)).astype("float32")
labels = keras.utils.to_categorical(rng.integers(0, 4, 120), 4)

model = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Conv2D(16, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(32, 3, activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(4, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(frames, labels, epochs=1, batch_size=32, verbose=0)

# classify one frame grabbed from a new video
frame = rng.random((32, 32, 3)).astype("float32")
probs = model.predict(frame, verbose=0)
print("predicted action:", probs.argmax(axis=-1))
