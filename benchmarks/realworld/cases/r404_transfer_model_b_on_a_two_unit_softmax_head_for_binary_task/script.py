# Transfer learning between two Fashion-MNIST-like tasks: an 8-class model A, then a binary task B
# reusing A's hidden layers.
import numpy as np
import keras

rng = np.random.default_rng(42)
X_train_A = rng.random((600, 28, 28)).astype("float32")
y_train_A = rng.integers(0, 8, size=(600,))
X_train_B = rng.random((200, 28, 28)).astype("float32")
y_train_B = rng.integers(0, 2, size=(200,)).astype("float32")
X_valid_B = rng.random((60, 28, 28)).astype("float32")
y_valid_B = rng.integers(0, 2, size=(60,)).astype("float32")

model_A = keras.Sequential([
    keras.Input(shape=(28, 28)),
    keras.layers.Flatten(),
    keras.layers.Dense(100, activation="relu", kernel_initializer="he_normal"),
    keras.layers.Dense(100, activation="relu", kernel_initializer="he_normal"),
    keras.layers.Dense(100, activation="relu", kernel_initializer="he_normal"),
    keras.layers.Dense(8, activation="softmax"),
])
model_A.compile(loss="sparse_categorical_crossentropy",
                optimizer=keras.optimizers.SGD(learning_rate=0.001), metrics=["accuracy"])
model_A.fit(X_train_A, y_train_A, epochs=2, verbose=0)

model_A_clone = keras.models.clone_model(model_A)
model_A_clone.set_weights(model_A.get_weights())
model_B_on_A = keras.Sequential(model_A_clone.layers[:-1])
model_B_on_A.add(keras.layers.Dense(2, activation="softmax"))

for layer in model_B_on_A.layers[:-1]:
    layer.trainable = False

model_B_on_A.compile(loss="binary_crossentropy",
                     optimizer=keras.optimizers.SGD(learning_rate=0.001), metrics=["accuracy"])
history = model_B_on_A.fit(X_train_B, y_train_B, epochs=2,
                           validation_data=(X_valid_B, y_valid_B), verbose=0)
print(model_B_on_A.evaluate(X_valid_B, y_valid_B, verbose=0))
