# Digit classifier on flattened 28x28 images, following the "Training &
# evaluation with the built-in methods" guide: train, validate, evaluate.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(0)
# stand-in for keras.datasets.mnist.load_data()
x_train = rng.integers(0, 256, size=(600, 28, 28)).astype("uint8")
y_train = rng.integers(0, 10, size=(600,))
x_test = rng.integers(0, 256, size=(100, 28, 28)).astype("uint8")
y_test = rng.integers(0, 10, size=(100,))

inputs = keras.Input(shape=(784,), name="digits")
x = layers.Dense(64, activation="relu", name="dense_1")(inputs)
x = layers.Dense(64, activation="relu", name="dense_2")(x)
outputs = layers.Dense(10, activation="softmax", name="predictions")(x)
model = keras.Model(inputs=inputs, outputs=outputs)

# Preprocess the data (these are NumPy arrays)
x_train = x_train.reshape(600, 784).astype("float32") / 255
x_test = x_test.astype("float32") / 255

y_train = y_train.astype("float32")
y_test = y_test.astype("float32")

# Reserve 100 samples for validation
x_val = x_train[-100:]
y_val = y_train[-100:]
x_train = x_train[:-100]
y_train = y_train[:-100]

model.compile(
    optimizer=keras.optimizers.RMSprop(),
    loss=keras.losses.SparseCategoricalCrossentropy(),
    metrics=[keras.metrics.SparseCategoricalAccuracy()],
)

print("Fit model on training data")
history = model.fit(
    x_train,
    y_train,
    batch_size=64,
    epochs=2,
    validation_data=(x_val, y_val),
)

print("Evaluate on test data")
results = model.evaluate(x_test, y_test, batch_size=128)
print("test loss, test acc:", results)

predictions = model.predict(x_test[:3])
print("predictions shape:", predictions.shape)
