import numpy as np
from tensorflow import keras

# 200 univariate series of 60 steps.
x = np.random.randn(200, 60).astype("float32")
y = (x.mean(axis=1) > 0).astype("float32")

model = keras.Sequential([
    keras.layers.Input(shape=(60,)),
    keras.layers.Conv1D(filters=16, kernel_size=3, activation="relu"),
    keras.layers.GlobalMaxPooling1D(),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(x, y, epochs=1, batch_size=32, verbose=0)
