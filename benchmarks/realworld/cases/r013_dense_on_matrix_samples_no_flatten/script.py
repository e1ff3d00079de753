import numpy as np
from keras.models import Sequential
from keras.layers import Dense, Activation

# Each sample is a 3x2 matrix; the target is a 4-vector.
x = np.random.rand(64, 3, 2).astype("float32")
y = np.random.rand(64, 4).astype("float32")

model = Sequential()
model.add(Dense(16, input_shape=(3, 2)))
model.add(Activation("relu"))
model.add(Dense(4))
model.compile(loss="mean_squared_error", optimizer="SGD")
model.fit(x, y, epochs=1, batch_size=16, verbose=0)
print(model.predict(x[:1], verbose=0).shape)
