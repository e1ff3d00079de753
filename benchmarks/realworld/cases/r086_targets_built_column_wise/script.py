import numpy as np
from keras.models import Sequential
from keras.layers import Dense

# 100 samples with 5 features; three regression targets per sample.
X = np.random.rand(100, 5)
price = np.random.rand(100)
volume = np.random.rand(100)
volatility = np.random.rand(100)
y = np.array([price, volume, volatility])

model = Sequential()
model.add(Dense(10, input_dim=5, activation="relu"))
model.add(Dense(3))
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, verbose=0)
