import numpy as np
import keras
from keras import ops


class CustomModel(keras.Model):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.eval_loss = keras.metrics.Mean(name="loss")
        self.eval_mae = keras.metrics.Mean(name="mae")

    def test_step(self, data):
        x, y = data
        y_pred = self(x, training=False)
        squared = ops.square(y - y_pred)
        absolute = ops.abs(y - y_pred)
        self.eval_loss.update_state(ops.mean(squared))
        self.eval_mae.update_state(ops.mean(absolute))
        return {"loss": self.eval_loss.result(), "mae": self.eval_mae.result()}


rng = np.random.default_rng(0)
w = rng.normal(size=(32,))
x = rng.random((1000, 32)).astype("float32")
y = (x @ w).astype("float32")

inputs = keras.Input(shape=(32,))
outputs = keras.layers.Dense(1)(inputs)
model = CustomModel(inputs, outputs)
model.compile(optimizer=keras.optimizers.Adam(0.05), loss="mse")
model.fit(x, y, epochs=2, batch_size=32, verbose=0)

results = model.evaluate(x, y, batch_size=100, return_dict=True, verbose=0)
print("custom test_step:", results)
