import numpy as np
import tensorflow as tf

time_steps, vector_size = 12, 8
x = np.random.rand(64, time_steps, vector_size).astype("float32")
y = np.random.randint(0, 4, size=(64,))

model = tf.keras.Sequential()
model.add(tf.keras.layers.LSTM(100, input_shape=(time_steps, vector_size)))
model.add(tf.keras.layers.LSTM(100))
model.add(tf.keras.layers.Dense(4, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x, y, epochs=1, batch_size=16, verbose=0)
