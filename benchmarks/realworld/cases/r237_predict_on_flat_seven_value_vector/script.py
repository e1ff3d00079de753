import numpy as np
import tensorflow as tf

# Seven sensor readings per sample, one value to predict
x_train = np.random.rand(64, 7).astype("float32")
y_train = np.random.rand(64, 1).astype("float32")

trainarray = np.array([0, 0, 0, 0, 0, 0, 0])
model = tf.keras.models.Sequential([
    tf.keras.layers.Dense(7, input_shape=trainarray.shape),
    tf.keras.layers.Dense(12),
    tf.keras.layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(x_train, y_train, epochs=1, verbose=0)

prediction = model.predict(np.array([0, 0, 0, 0, 0, 0, 0]))
print(prediction)
