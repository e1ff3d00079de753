import numpy as np
import tensorflow as tf

# 28x28 RGB images to generate.
real_images = np.random.rand(64, 28, 28, 3).astype("float32")

generator = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(100,)),
    tf.keras.layers.Dense(256, activation="relu"),
    tf.keras.layers.Dense(512, activation="relu"),
    tf.keras.layers.Dense(784, activation="sigmoid"),
    tf.keras.layers.Reshape((28, 28, 3)),
])
fake = generator(np.random.normal(size=(8, 100)).astype("float32"))
