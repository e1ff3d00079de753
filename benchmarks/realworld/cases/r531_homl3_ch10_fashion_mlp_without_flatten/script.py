# Fashion-MNIST-style image classifier built with the Sequential API (an MLP on 28x28 images).
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(10)
X_train_full = rng.integers(0, 256, size=(600, 28, 28)).astype("uint8")
y_train_full = rng.integers(0, 10, size=600).astype("uint8")
X_train, y_train = X_train_full[:-100] / 255., y_train_full[:-100]
X_valid, y_valid = X_train_full[-100:] / 255., y_train_full[-100:]

class_names = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
               "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]

tf.random.set_seed(42)
model = tf.keras.Sequential()
model.add(tf.keras.layers.Input(shape=[28, 28]))
model.add(tf.keras.layers.Dense(300, activation="relu"))
model.add(tf.keras.layers.Dense(100, activation="relu"))
model.add(tf.keras.layers.Dense(10, activation="softmax"))

model.compile(loss="sparse_categorical_crossentropy", optimizer="sgd", metrics=["accuracy"])
history = model.fit(X_train, y_train, epochs=2, validation_data=(X_valid, y_valid), verbose=0)
y_proba = model.predict(X_valid[:3], verbose=0)
print(np.array(class_names)[y_proba.argmax(axis=-1)])
