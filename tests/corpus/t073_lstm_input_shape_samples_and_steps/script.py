import numpy as np
import keras
from keras import layers

# 200 sequences of 15 steps with 8 features each, one binary label per sequence.
x = np.random.rand(200, 15, 8).astype("float32")
y = np.random.randint(0, 2, size=(200, 1))

model = keras.Sequential([
    layers.LSTM(32, input_shape=(x.shape[0], x.shape[1])),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(x, y, epochs=1, batch_size=32, verbose=0)
