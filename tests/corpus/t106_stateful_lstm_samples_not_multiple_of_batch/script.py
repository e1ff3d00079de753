import numpy as np
import keras
from keras import layers

# Stateful LSTM over consecutive windows of a sensor series.
batch_size = 8
X_train = np.random.rand(205, 6, 1).astype("float32")
y_train = np.random.rand(205, 1).astype("float32")

model = keras.Sequential([
    keras.Input(batch_shape=(batch_size, 6, 1)),
    layers.LSTM(16, stateful=True),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(X_train, y_train, epochs=1, batch_size=batch_size, shuffle=False, verbose=0)
