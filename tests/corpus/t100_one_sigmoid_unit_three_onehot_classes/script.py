import numpy as np
import keras
from keras import layers

# Three flower species, one-hot encoded.
x = np.random.rand(60, 4).astype("float32")
species = np.random.randint(0, 3, size=(60,))
y = keras.utils.to_categorical(species, num_classes=3)

model = keras.Sequential([
    keras.Input(shape=(4,)),
    layers.Dense(16, activation="relu"),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x, y, epochs=1, batch_size=16, verbose=0)
