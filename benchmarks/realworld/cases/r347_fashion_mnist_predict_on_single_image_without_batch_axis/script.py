"""Basic classification: clothing images (Fashion MNIST style) with a Flatten + Dense network."""
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(0)
train_images = rng.integers(0, 256, size=(256, 28, 28)).astype("uint8")
train_labels = rng.integers(0, 10, size=256)
test_images = rng.integers(0, 256, size=(64, 28, 28)).astype("uint8")
test_labels = rng.integers(0, 10, size=64)

class_names = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
               "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]

train_images = train_images / 255.0
test_images = test_images / 255.0

model = tf.keras.Sequential([
    tf.keras.Input(shape=(28, 28)),
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(128, activation="relu"),
    tf.keras.layers.Dense(10),
])

model.compile(optimizer="adam",
              loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=["accuracy"])

model.fit(train_images, train_labels, epochs=2, verbose=2)

test_loss, test_acc = model.evaluate(test_images, test_labels, verbose=2)
print("\nTest accuracy:", test_acc)

probability_model = tf.keras.Sequential([model, tf.keras.layers.Softmax()])
predictions = probability_model.predict(test_images)
print("first prediction:", class_names[np.argmax(predictions[0])])

# Grab an image from the test dataset and use the trained model to predict it.
img = test_images[1]
print(img.shape)

predictions_single = probability_model.predict(img)
print(predictions_single)
print("predicted:", class_names[np.argmax(predictions_single[0])])
