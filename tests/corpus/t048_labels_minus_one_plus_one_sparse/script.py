import numpy as np
import keras
from keras import layers

# Face attributes annotated as -1 (absent) / +1 (present), as in CelebA's CSV.
rng = np.random.default_rng(8)
x = rng.random((100, 40)).astype("float32")
smiling = rng.choice([-1, 1], size=(100,))

model = keras.Sequential([
    keras.Input(shape=(40,)),
    layers.Dense(16, activation="relu"),
    layers.Dense(2, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x, smiling, epochs=1, batch_size=20, verbose=0)
