# Fashion-MNIST style classifier (Flatten -> Dense(128) -> Dense(10) logits)
# trained on small random 28x28 images; the labels were one-hot encoded.
import numpy as np
import tensorflow as tf

class_names = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
               "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]

rng = np.random.default_rng(3)
train_images = rng.integers(0, 256, size=(500, 28, 28)).astype("float32")
train_labels = rng.integers(0, 10, size=(500,))
test_images = rng.integers(0, 256, size=(100, 28, 28)).astype("float32")
test_labels = rng.integers(0, 10, size=(100,))

train_images = train_images / 255.0
test_images = test_images / 255.0
train_labels = tf.keras.utils.to_categorical(train_labels, num_classes=len(class_names))
test_labels = tf.keras.utils.to_categorical(test_labels, num_classes=len(class_names))

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(28, 28)),
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(128, activation="relu"),
    tf.keras.layers.Dense(10),
])

model.compile(optimizer="adam",
              loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=["accuracy"])

model.fit(train_images, train_labels, epochs=2, verbose=0)

test_loss, test_acc = model.evaluate(test_images, test_labels, verbose=0)
print("Test accuracy:", test_acc)
