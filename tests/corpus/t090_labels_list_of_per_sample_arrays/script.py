import numpy as np
import keras
from keras import layers

# Labels gathered one sample at a time into a Python list.
x = np.random.rand(96, 6).astype("float32")
y = []
for row in x:
    y.append(np.array([row.sum() > 3.0], dtype="float32"))

model = keras.Sequential([
    keras.Input(shape=(6,)),
    layers.Dense(16, activation="relu"),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(x, y, epochs=1, batch_size=32, verbose=0)
