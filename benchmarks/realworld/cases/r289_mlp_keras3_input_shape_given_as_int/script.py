import numpy as np
import keras
from keras import layers

# MNIST stand-in: 28 x 28 grayscale digits flattened to 784 values
x_train = np.random.rand(512, 28, 28).astype("float32")
y_train = np.random.randint(0, 10, size=(512,))
x_train = x_train.reshape(-1, 28 * 28)

# Sequential API
model = keras.Sequential(
    [
        keras.Input(shape=(28 * 28)),
        layers.Dense(512, activation="relu"),
        layers.Dense(256, activation="relu"),
        layers.Dense(10),
    ]
)
print(model.summary())

model.compile(
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    optimizer=keras.optimizers.Adam(learning_rate=0.001),
    metrics=["accuracy"],
)
model.fit(x_train, y_train, batch_size=32, epochs=1, verbose=2)
