import numpy as np
import keras
from keras import layers


class MLP(keras.Model):
    def __init__(self):
        super().__init__()
        self.hidden = layers.Dense(16, activation="relu")
        self.out = layers.Dense(1)

    def call(self, x):
        return self.out(self.hidden(x))


model = MLP()
x_train = np.random.rand(8, 8).astype("float32")
print(model(x_train).shape)

# Two new columns were added to the feature table afterwards.
x_latest = np.random.rand(8, 10).astype("float32")
print(model(x_latest).shape)
