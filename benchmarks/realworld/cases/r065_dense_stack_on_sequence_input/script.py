import numpy as np
from keras import models
from keras.layers import Dense

# 128 (x, y) points per trajectory -> 2 numbers describing it.
X = np.random.rand(300, 128, 2).astype("float32")
Y = np.random.rand(300, 2).astype("float32")

model = models.Sequential()
model.add(Dense(50, input_shape=(128, 2), kernel_initializer="he_normal", activation="relu"))
model.add(Dense(20, kernel_initializer="he_normal", activation="relu"))
model.add(Dense(5, kernel_initializer="he_normal", activation="relu"))
model.add(Dense(2))
model.compile(loss="mse", optimizer="adam")
model.fit(X, Y, epochs=1, batch_size=30, verbose=0)
