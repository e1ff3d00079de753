import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    layers.Dense(32, activation="relu"),
    layers.Dense(1),
])
model.build(input_shape=(None, 10))
model.compile(optimizer="adam", loss="mse")

# After one-hot encoding a categorical column the table has 12 columns.
X = np.random.rand(16, 12).astype("float32")
y = np.random.rand(16, 1).astype("float32")
model.fit(X, y, epochs=1, batch_size=8, verbose=0)
