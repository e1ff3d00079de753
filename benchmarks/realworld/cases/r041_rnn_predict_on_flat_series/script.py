import numpy as np
from keras import Sequential, Input
from keras.layers import SimpleRNN, Dense

train_x = np.random.rand(200, 10, 1).astype("float32")
train_y = np.random.rand(200, 1).astype("float32")
model = Sequential([Input(shape=(10, 1)), SimpleRNN(16), Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(train_x, train_y, epochs=1, verbose=0)

X = np.array([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0])
print(model.predict(X, verbose=0))
