import numpy as np
import keras
from keras import layers

# Synthetic linear-regression data: y = Xw + b + noise
true_w = np.array([2.0, -3.4], dtype="float32")
true_b = 4.2
num_train, num_val = 1000, 200
n = num_train + num_val
rng = np.random.default_rng(4)
X = rng.normal(size=(n, len(true_w))).astype("float32")
noise = rng.normal(size=(n, 1)).astype("float32") * 0.01
y = np.matmul(X, true_w) + true_b + noise

X_train, y_train = X[:num_train], y[:num_train]
X_val, y_val = X[num_train:], y[num_train:]

model = keras.Sequential([
    keras.Input(shape=(len(true_w),)),
    layers.Dense(1, kernel_initializer=keras.initializers.RandomNormal(stddev=0.01)),
])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.03), loss="mse")
model.fit(X_train, y_train, batch_size=32, epochs=3,
          validation_data=(X_val, y_val), verbose=0)

w, b = model.layers[0].get_weights()
print("error in estimating w:", true_w - w.reshape(true_w.shape))
print("error in estimating b:", true_b - b[0])
