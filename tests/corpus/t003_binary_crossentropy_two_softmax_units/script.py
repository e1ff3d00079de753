import numpy as np
import keras
from keras import layers

# Spam filter on 30 word counts; each label is 0 (ham) or 1 (spam).
x = np.random.rand(48, 30).astype("float32")
y = np.random.randint(0, 2, size=(48,))

model = keras.Sequential([
    keras.Input(shape=(30,)),
    layers.Dense(16, activation="relu"),
    layers.Dense(2, activation="softmax"),
])
model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(x, y, epochs=1, batch_size=16, verbose=0)
