# MNIST classifier that rescales raw uint8 pixels itself, then queried on new images.
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(19)
X_train_full = rng.integers(0, 256, size=(900, 28, 28)).astype("uint8")
y_train_full = rng.integers(0, 10, size=900).astype("uint8")
X_test = rng.integers(0, 256, size=(50, 28, 28)).astype("uint8")
X_valid, X_train = X_train_full[:200], X_train_full[200:]
y_valid, y_train = y_train_full[:200], y_train_full[200:]

tf.random.set_seed(42)
model = tf.keras.Sequential([
    tf.keras.layers.Flatten(input_shape=[28, 28], dtype=tf.uint8),
    tf.keras.layers.Rescaling(scale=1 / 255),
    tf.keras.layers.Dense(100, activation="relu"),
    tf.keras.layers.Dense(10, activation="softmax"),
])
model.compile(loss="sparse_categorical_crossentropy",
              optimizer=tf.keras.optimizers.SGD(learning_rate=1e-2),
              metrics=["accuracy"])
model.fit(X_train, y_train, epochs=2, validation_data=(X_valid, y_valid), verbose=0)

X_new = X_test[0]  # the new digit image to classify
y_proba = model.predict(X_new, verbose=0)
print(y_proba.round(2))
