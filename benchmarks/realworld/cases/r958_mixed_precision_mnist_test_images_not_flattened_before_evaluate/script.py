import numpy as np
import keras
from keras import layers, mixed_precision

mixed_precision.set_global_policy("mixed_float16")

rng = np.random.default_rng(958)
# stand-in for keras.datasets.mnist.load_data()
x_train = rng.integers(0, 256, size=(2000, 28, 28)).astype("uint8")
y_train = rng.integers(0, 10, size=2000)
x_test = rng.integers(0, 256, size=(400, 28, 28)).astype("uint8")
y_test = rng.integers(0, 10, size=400)

inputs = keras.Input(shape=(784,), name="digits")
num_units = 64
x = layers.Dense(num_units, activation="relu", name="dense_1")(inputs)
x = layers.Dense(num_units, activation="relu", name="dense_2")(x)
x = layers.Dense(10, name="dense_logits")(x)
outputs = layers.Activation("softmax", dtype="float32", name="predictions")(x)
model = keras.Model(inputs=inputs, outputs=outputs)
model.compile(loss="sparse_categorical_crossentropy",
              optimizer=keras.optimizers.RMSprop(),
              metrics=["accuracy"])

x_train = x_train.reshape(2000, 784).astype("float32") / 255
x_test = x_test.astype("float32") / 255

history = model.fit(x_train, y_train, batch_size=256, epochs=2, validation_split=0.2, verbose=0)
test_scores = model.evaluate(x_test, y_test, verbose=0)
print("Test loss:", test_scores[0])
print("Test accuracy:", test_scores[1])
