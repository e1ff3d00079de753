import numpy as np
import keras
from keras import layers


class MyCustomLayer(layers.Layer):
    def __init__(self, units):
        super().__init__()
        self.units = units

    def build(self, input_shape):
        input_dim = input_shape[-1]
        self.w = self.add_weight(
            shape=[self.units, input_dim],
            initializer="glorot_uniform",
        )
        self.b = self.add_weight(
            shape=[
                self.units,
            ],
            initializer="zeros",
        )

    def call(self, inputs):
        return keras.ops.matmul(inputs, self.w) + self.b


# sensor readings: 8 features per row, 3 regression targets
data = np.random.uniform(size=[64, 8])
targets = np.random.uniform(size=[64, 3])

layer = MyCustomLayer(3)
model = keras.models.Sequential([layer])
model.compile(optimizer="adam", loss="mse")
print(model.predict(data[:4], verbose=0))
model.fit(data, targets, epochs=2, verbose=0)
for layer in model.layers:
    print([v.shape for v in layer.trainable_variables])
