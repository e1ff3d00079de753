# Transformer summary network for right-padded trajectories (up to 12 steps, 3 signals):
# each batch comes with a (batch, steps) validity mask, and padded steps must not be
# attended to. The pooled summary regresses 2 parameters of the simulator.
import numpy as np
import keras
from keras import layers, ops

MAX_STEPS, N_SIGNALS = 12, 3


class TrajectorySummary(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.embed = layers.Dense(16)
        self.attend = layers.MultiHeadAttention(num_heads=2, key_dim=8)
        self.norm = layers.LayerNormalization()
        self.head = layers.Dense(2)

    def call(self, inputs):
        series, valid = inputs
        h = self.embed(series)
        attended = self.attend(h, h, attention_mask=valid)
        h = self.norm(h + attended)
        weights = ops.expand_dims(ops.cast(valid, h.dtype), -1)
        pooled = ops.sum(h * weights, axis=1) / ops.maximum(ops.sum(weights, axis=1), 1.0)
        return self.head(pooled)


rng = np.random.default_rng(716)
lengths = rng.integers(5, MAX_STEPS + 1, size=160)
valid_steps = np.arange(MAX_STEPS)[None, :] < lengths[:, None]
trajectories = (rng.normal(size=(160, MAX_STEPS, N_SIGNALS)) * valid_steps[..., None]).astype("float32")
params = rng.normal(size=(160, 2)).astype("float32")

summary_net = TrajectorySummary()
summary_net.compile(optimizer="adam", loss="mse")
summary_net.fit((trajectories, valid_steps), params, batch_size=16, epochs=2, verbose=0)
print(summary_net.predict((trajectories[:3], valid_steps[:3]), verbose=0).shape)
