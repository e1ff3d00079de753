# Functional-API version of a small MNIST-style digit classifier (a book chapter's
# introduction to Keras): flatten the grayscale image, one hidden ReLU layer with dropout,
# softmax over the ten digits. The images here are 28x28 like MNIST's.
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(235)
train_images = rng.random((300, 28, 28)).astype("float32")
train_labels = rng.integers(0, 10, size=300)
test_images = rng.random((60, 28, 28)).astype("float32")
test_labels = rng.integers(0, 10, size=60)

inputs = tf.keras.Input(shape=(128, 128))
x = tf.keras.layers.Flatten()(inputs)
x = tf.keras.layers.Dense(512, activation="relu", name="d1")(x)
x = tf.keras.layers.Dropout(0.2)(x)
predictions = tf.keras.layers.Dense(10, activation="softmax", name="d2")(x)
model = tf.keras.Model(inputs=inputs, outputs=predictions)

model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(train_images, train_labels, epochs=2, batch_size=32, verbose=0)
print(model.evaluate(test_images, test_labels, verbose=0))
