import numpy as np
import tensorflow as tf

input1 = tf.keras.layers.Input(shape=(64, 64, 3))
input2 = tf.keras.layers.Input(shape=(128, 128, 1))
conv1 = tf.keras.layers.Conv2D(16, (3, 3), activation="relu")(input1)
pool1 = tf.keras.layers.MaxPooling2D(pool_size=(2, 2))(conv1)
conv2 = tf.keras.layers.Conv2D(32, (3, 3), activation="relu")(input2)
pool2 = tf.keras.layers.MaxPooling2D(pool_size=(2, 2))(conv2)
concat = tf.keras.layers.Concatenate()([pool1, pool2])
output = tf.keras.layers.Dense(1, activation="sigmoid")(concat)
model = tf.keras.Model(inputs=[input1, input2], outputs=output)

a = np.random.rand(8, 64, 64, 3).astype("float32")
b = np.random.rand(8, 128, 128, 1).astype("float32")
print(model.predict([a, b], verbose=0).shape)
