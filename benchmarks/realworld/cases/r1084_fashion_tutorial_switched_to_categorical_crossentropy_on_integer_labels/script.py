import numpy as np
import tensorflow as tf
from tensorflow import keras

rng = np.random.default_rng(8)
class_names = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
               "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]

# stand-in for fashion_mnist.load_data(): grey 28x28 images, one class id per image
train_images = rng.integers(0, 256, size=(300, 28, 28)).astype("float32") / 255.0
train_labels = rng.integers(0, len(class_names), size=(300,))

model = keras.Sequential([
    keras.Input(shape=(28, 28)),
    keras.layers.Flatten(),
    keras.layers.Dense(128, activation=tf.nn.relu),
    keras.layers.Dense(10, activation=tf.nn.softmax)
])

model.compile(optimizer=keras.optimizers.Adam(),
              loss="categorical_crossentropy",
              metrics=["accuracy"])

model.fit(train_images, train_labels, epochs=2, verbose=0)
print("trained on", len(train_images), "images")
