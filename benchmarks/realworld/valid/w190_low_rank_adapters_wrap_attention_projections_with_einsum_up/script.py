# Low-rank adaptation of a small pretrained next-token model: every self-attention
# query/value projection is wrapped in an adapter holding the frozen projection plus a
# trainable down (rank r) / up projection, then only the adapters are fine-tuned.
import math

import numpy as np
import keras
from keras import layers

VOCAB_SIZE = 180
CONTEXT = 20
WIDTH = 48
N_HEADS = 3
N_LAYERS = 2
ADAPTER_RANK = 2
ADAPTER_ALPHA = 16.0

gen = np.random.default_rng(190)
stream = gen.integers(1, VOCAB_SIZE, size=(48, CONTEXT + 1))
inputs_ids, next_ids = stream[:, :-1], stream[:, 1:]


class LowRankAdapter(layers.Layer):
    def __init__(self, frozen_projection, rank=4, alpha=16.0, index=0, trainable=False, **kwargs):
        config = frozen_projection.get_config()
        kwargs.pop("name", None)
        super().__init__(name=config["name"], trainable=trainable, **kwargs)
        self.scale = alpha / rank
        self.frozen_projection = frozen_projection
        self.frozen_projection.trainable = False
        self.down = layers.Dense(
            rank,
            use_bias=False,
            kernel_initializer=keras.initializers.VarianceScaling(
                scale=math.sqrt(5), mode="fan_in", distribution="uniform"),
            trainable=trainable,
            name=f"down_{index}",
        )
        self.up = layers.EinsumDense(
            equation=config["equation"],
            output_shape=config["output_shape"],
            kernel_initializer="zeros",
            trainable=trainable,
            name=f"up_{index}",
        )

    def call(self, inputs):
        base = self.frozen_projection(inputs)
        if self.trainable:
            return base + self.up(self.down(inputs)) * self.scale
        return base


def next_token_model():
    ids = keras.Input(shape=(CONTEXT,), dtype="int32")
    h = layers.Embedding(VOCAB_SIZE, WIDTH)(ids)
    for k in range(N_LAYERS):
        mha = layers.MultiHeadAttention(N_HEADS, WIDTH // N_HEADS, name=f"mha_{k}")
        h = layers.LayerNormalization()(h + mha(h, h, use_causal_mask=True))
        h = layers.LayerNormalization()(h + layers.Dense(WIDTH, activation="relu")(h))
    return keras.Model(ids, layers.Dense(VOCAB_SIZE)(h))


net = next_token_model()
net.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
net.fit(inputs_ids, next_ids, batch_size=12, epochs=1, verbose=0)

for k in range(N_LAYERS):
    mha = net.get_layer(f"mha_{k}")
    mha._tracker.unlock()
    mha._query_dense = LowRankAdapter(mha._query_dense, ADAPTER_RANK, ADAPTER_ALPHA, index=2 * k, trainable=True)
    mha._value_dense = LowRankAdapter(mha._value_dense, ADAPTER_RANK, ADAPTER_ALPHA, index=2 * k + 1, trainable=True)
    mha._tracker.lock()

logits = net(inputs_ids[:3])
print("logits after wrapping:", tuple(logits.shape))

for leaf in net._flatten_layers():
    if len(list(leaf._flatten_layers())) == 1:
        leaf.trainable = leaf.name.startswith(("down_", "up_"))

net.compile(optimizer=keras.optimizers.AdamW(1e-3), loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
net.fit(inputs_ids, next_ids, batch_size=12, epochs=1, verbose=0)
print("adapter parameters:", sum(int(np.prod(v.shape)) for v in net.trainable_weights))
