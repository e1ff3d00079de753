# Fashion-MNIST style clothing classifier (course notebook): normalise the 28x28
# grey images, train a Flatten/Dense network, evaluate, then look at one test image.
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(34)
training_images = rng.integers(0, 256, size=(300, 28, 28)) / 255.0
training_labels = rng.integers(0, 10, size=300)
test_images = rng.integers(0, 256, size=(60, 28, 28)) / 255.0
test_labels = rng.integers(0, 10, size=60)

model = tf.keras.models.Sequential([tf.keras.Input(shape=(28, 28)),
                                    tf.keras.layers.Flatten(),
                                    tf.keras.layers.Dense(128, activation=tf.nn.relu),
                                    tf.keras.layers.Dense(10, activation=tf.nn.softmax)])
model.compile(optimizer=tf.optimizers.Adam(), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(training_images, training_labels, epochs=2, verbose=0)
model.evaluate(test_images, test_labels, verbose=0)

print(model.predict(test_images[5]))
print("label:", test_labels[5])
