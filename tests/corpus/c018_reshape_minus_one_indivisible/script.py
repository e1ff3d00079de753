import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

n_features = 30

model = keras.Sequential([
    keras.Input(shape=(n_features,)),
    layers.Dense(n_features, activation="relu"),
    layers.Reshape((-1, 7)),
    layers.LSTM(16),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
print(model.predict(np.random.rand(4, n_features), verbose=0).shape)
