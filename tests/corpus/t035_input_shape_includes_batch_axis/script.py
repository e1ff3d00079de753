import numpy as np
import keras
from keras import layers

# Tabular data: 200 rows of 12 features, binary target.
X = np.random.rand(200, 12).astype("float32")
y = np.random.randint(0, 2, size=(200, 1))

model = keras.Sequential([
    layers.Dense(32, activation="relu", input_shape=X.shape),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(X, y, epochs=1, batch_size=16, verbose=0)
