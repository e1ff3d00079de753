import numpy as np
import tensorflow as tf

X_train = np.array([[1.0], [2.0]], dtype=np.float32)  # size in 1000 sqft
Y_train = np.array([[300.0], [500.0]], dtype=np.float32)  # price in 1000s of dollars

linear_layer = tf.keras.layers.Dense(units=1, activation="linear")
a1 = linear_layer(X_train[0])
print(a1)
w, b = linear_layer.get_weights()
print(f"w = {w}, b={b}")
