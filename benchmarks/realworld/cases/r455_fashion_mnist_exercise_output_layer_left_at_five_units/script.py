# Fashion-MNIST exercise 5: "consider the effects of additional layers" (code carried over from exercise 4).
import numpy as np
import keras

rng = np.random.default_rng(21)
training_images = rng.integers(0, 256, size=(600, 28, 28)).astype("float32")
training_labels = rng.integers(0, 10, size=600)
test_images = rng.integers(0, 256, size=(100, 28, 28)).astype("float32")
test_labels = rng.integers(0, 10, size=100)

training_images = training_images / 255.0
test_images = test_images / 255.0

model = keras.models.Sequential([
    keras.Input(shape=(28, 28)),
    keras.layers.Flatten(),
    keras.layers.Dense(512, activation="relu"),
    keras.layers.Dense(256, activation="relu"),
    keras.layers.Dense(5, activation="softmax"),
])

model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(training_images, training_labels, epochs=1, verbose=0)
model.evaluate(test_images, test_labels, verbose=0)
classifications = model.predict(test_images, verbose=0)
print(classifications[0], test_labels[0])
