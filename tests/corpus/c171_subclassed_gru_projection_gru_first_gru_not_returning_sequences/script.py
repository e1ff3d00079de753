import numpy as np
import keras
from keras import layers


class SensorRegressor(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.encoder = layers.GRU(32)
        self.project = layers.Dense(16, activation="relu")
        self.decoder = layers.GRU(8)
        self.head = layers.Dense(1)

    def call(self, inputs):
        x = self.encoder(inputs)
        x = self.project(x)
        x = self.decoder(x)
        return self.head(x)


model = SensorRegressor()
readings = np.random.rand(6, 24, 4).astype("float32")
print(model(readings).shape)
