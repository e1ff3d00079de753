# First regression model of the course: learn y = X + 10 from a handful of numbers.
import numpy as np
import tensorflow as tf
import keras

X = np.array([-7.0, -4.0, -1.0, 2.0, 5.0, 8.0, 11.0, 14.0, 17.0, 20.0], dtype="float32")
y = X + 10.0

tf.random.set_seed(42)
model = keras.Sequential([
    keras.layers.Dense(1),
])
model.compile(loss="mae", optimizer=keras.optimizers.SGD(), metrics=["mae"])

model.fit(X, y, epochs=5, verbose=0)
print(model.predict(np.array([[17.0]]), verbose=0))
