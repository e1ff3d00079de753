# Mask-aware custom layer: a softmax over the time steps of each padded sequence that
# ignores the padding, using the mask the Embedding(mask_zero=True) propagates.
import numpy as np
import keras
from keras import layers, ops


class TimeSoftmax(keras.layers.Layer):
    def call(self, inputs, mask=None):
        float_mask = ops.cast(mask, "float32")
        exps = ops.exp(inputs) * float_mask
        total = ops.sum(exps * float_mask, axis=1, keepdims=True)
        return exps / total


token_ids = keras.Input(shape=(None,), dtype="int32")
h = layers.Embedding(input_dim=10, output_dim=32, mask_zero=True)(token_ids)
h = layers.Dense(1)(h)
weights = TimeSoftmax()(h)
scorer = keras.Model(token_ids, weights)

gen = np.random.default_rng(805)
batch = gen.integers(0, 10, size=(32, 100))
batch[:, 80:] = 0
out = scorer(batch)
print(out.shape, float(ops.sum(out[0])))
