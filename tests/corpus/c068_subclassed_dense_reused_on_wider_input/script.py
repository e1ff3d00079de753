import numpy as np
import keras
from keras import layers


class RegressionNet(keras.Model):
    def __init__(self):
        super().__init__()
        self.hidden_a = layers.Dense(48, activation="relu")
        self.hidden_b = layers.Dense(64, activation="relu")
        self.hidden_c = layers.Dense(96, activation="relu")
        self.hidden_c_again = layers.Dense(96, activation="relu")
        self.out = layers.Dense(1)

    def call(self, inputs):
        h = self.hidden_a(inputs)
        h = self.hidden_b(h)
        h = self.hidden_c(h)
        h = self.hidden_c(h)
        return self.out(h)


model = RegressionNet()
features = np.random.rand(16, 12).astype("float32")
targets = np.random.rand(16, 1).astype("float32")
model.compile(optimizer="adam", loss="mse")
model.fit(features, targets, epochs=1, batch_size=8, verbose=0)
