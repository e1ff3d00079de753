# Fashion-MNIST-style MLP with Batch Normalization after the input and after each hidden layer.
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(11)
X_train_full = rng.random((700, 28, 28)).astype("float32")
y_train_full = rng.integers(0, 10, size=700).astype("uint8")
X_train, y_train = X_train_full[:-150], y_train_full[:-150]
X_valid, y_valid = X_train_full[-150:], y_train_full[-150:]

tf.random.set_seed(42)
model = tf.keras.Sequential([
    tf.keras.layers.Flatten(input_shape=[28, 28]),
    tf.keras.layers.BatchNormalization(),
    tf.keras.layers.Dense(300, activation="relu", kernel_initializer="he_normal"),
    tf.keras.layers.BatchNormalization(),
    tf.keras.layers.Dense(100, activation="relu", kernel_initializer="he_normal"),
    tf.keras.layers.BatchNormalization(),
    tf.keras.layers.Dense(10, activation="softmax"),
])
model.compile(loss="categorical_crossentropy", optimizer="sgd", metrics=["accuracy"])
history = model.fit(X_train, y_train, epochs=2, validation_data=(X_valid, y_valid), verbose=0)
print(history.history["val_accuracy"][-1])
