import numpy as np
import keras
from keras import layers

# MNIST-like digits, 28x28 grey images; the model reads 784 values per image.
x_train = np.random.randint(0, 256, size=(256, 28, 28)).astype("float32") / 255
y_train = np.random.randint(0, 10, size=(256,))

inputs = keras.Input(shape=(784,), name="digits")
x = layers.Dense(64, activation="relu", name="dense_1")(inputs)
x = layers.Dense(64, activation="relu", name="dense_2")(x)
outputs = layers.Dense(10, activation="softmax", name="predictions")(x)
model = keras.Model(inputs=inputs, outputs=outputs)
model.compile(
    optimizer=keras.optimizers.RMSprop(),
    loss=keras.losses.SparseCategoricalCrossentropy(),
)
model.fit(x_train, y_train, batch_size=64, epochs=1, verbose=0)
