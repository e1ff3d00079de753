# Sensor-network forecaster: a custom layer convolves each node's readings across time, an LSTM encodes them.
import numpy as np
import keras
from keras import layers, ops

STEPS, FEATURES, N_NODES = 5, 4, 30


class ConvAcrossTime(layers.Layer):
    """Mixes the node readings with a neighbourhood matrix, then a 1x1 convolution mixes the time steps."""

    def __init__(self, filters, **kwargs):
        super().__init__(**kwargs)
        self.conv = layers.Conv2D(filters, kernel_size=1)

    def call(self, readings, neighbourhood):
        mixed = ops.einsum("btfn,bnm->btfm", readings, neighbourhood)      # (batch, 5, 4, 30)
        per_node = ops.transpose(mixed, (0, 3, 2, 1))                      # (batch, 30, 4, 5): time as channels
        conv = self.conv(per_node)                                         # (batch, 30, 4, 64)
        return ops.transpose(conv, (0, 3, 2, 1))                           # (batch, 64, 4, 30)


inputs_p = keras.Input(shape=(STEPS, FEATURES, N_NODES), name="readings")
neighbourhood = keras.Input(shape=(N_NODES, N_NODES), name="neighbourhood")
encoder_inputs = ConvAcrossTime(64)(inputs_p, neighbourhood)
enc = layers.LSTM(32, activation="tanh", return_state=True, return_sequences=True, name="encoder1_")
encoder_outputs, state_h, state_c = enc(encoder_inputs)
forecast = layers.Dense(N_NODES)(state_h)

model = keras.Model([inputs_p, neighbourhood], forecast)
model.compile(optimizer="adam", loss="mse")

rng = np.random.default_rng(46794)
x = rng.random((40, STEPS, FEATURES, N_NODES)).astype("float32")
adj = np.repeat(np.eye(N_NODES, dtype="float32")[None], 40, axis=0)
y = rng.random((40, N_NODES)).astype("float32")
model.fit([x, adj], y, batch_size=8, epochs=2, verbose=0)
print(model.predict([x[:2], adj[:2]], verbose=0).shape)
