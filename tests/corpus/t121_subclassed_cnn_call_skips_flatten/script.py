import numpy as np
import keras
from keras import layers


class MyModel(keras.Model):
    def __init__(self):
        super().__init__()
        self.conv1 = layers.Conv2D(32, 3, activation="relu")
        self.flatten = layers.Flatten()
        self.d1 = layers.Dense(128, activation="relu")
        self.d2 = layers.Dense(10)

    def call(self, x):
        x = self.conv1(x)
        x = self.d1(x)
        return self.d2(x)


# MNIST-like digits with a channel axis, integer labels.
x_train = np.random.rand(64, 28, 28, 1).astype("float32")
y_train = np.random.randint(0, 10, size=(64,))

model = MyModel()
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=32, epochs=1, verbose=0)
