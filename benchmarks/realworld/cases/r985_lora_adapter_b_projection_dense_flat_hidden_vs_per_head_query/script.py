# LoRA fine-tuning of a tiny causal language model, following the keras-io GPT-2 LoRA
# example: the query/value projections of every attention block are wrapped in a
# LoraLayer (frozen original projection + trainable low-rank A/B update).
import math

import numpy as np
import keras
from keras import layers

VOCAB = 300
SEQ_LEN = 24
HIDDEN = 32
HEADS = 2
NUM_BLOCKS = 2
RANK = 4
ALPHA = 32.0

rng = np.random.default_rng(985)
corpus = rng.integers(1, VOCAB, size=(64, SEQ_LEN + 1))
x_tokens, y_tokens = corpus[:, :-1], corpus[:, 1:]


class LoraLayer(layers.Layer):
    def __init__(self, original_layer, rank=8, alpha=32, layer_idx=0, trainable=False, **kwargs):
        original_config = original_layer.get_config()
        kwargs.pop("name", None)
        super().__init__(name=original_config["name"], trainable=trainable, **kwargs)
        self.rank = rank
        self.alpha = alpha
        self._scale = alpha / rank
        self._num_heads = original_config["output_shape"][-2]
        self._hidden_dim = self._num_heads * original_config["output_shape"][-1]
        self.original_layer = original_layer
        self.original_layer.trainable = False
        self.A = layers.Dense(
            units=rank,
            use_bias=False,
            kernel_initializer=keras.initializers.VarianceScaling(
                scale=math.sqrt(5), mode="fan_in", distribution="uniform"),
            trainable=trainable,
            name=f"A_{layer_idx}",
        )
        self.B = layers.Dense(
            units=self._hidden_dim,
            kernel_initializer="zeros",
            trainable=trainable,
            name=f"B_{layer_idx}",
        )

    def call(self, inputs):
        original_output = self.original_layer(inputs)
        if self.trainable:
            lora_output = self.B(self.A(inputs)) * self._scale
            return original_output + lora_output
        return original_output


def tiny_lm():
    tokens = keras.Input(shape=(SEQ_LEN,), dtype="int32")
    h = layers.Embedding(VOCAB, HIDDEN)(tokens)
    for i in range(NUM_BLOCKS):
        attn = layers.MultiHeadAttention(HEADS, HIDDEN // HEADS, name=f"self_attention_{i}")
        h = layers.LayerNormalization()(h + attn(h, h, use_causal_mask=True))
        h = layers.LayerNormalization()(h + layers.Dense(HIDDEN, activation="gelu")(h))
    return keras.Model(tokens, layers.Dense(VOCAB)(h))


lm = tiny_lm()
lm.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
lm.fit(x_tokens, y_tokens, batch_size=16, epochs=1, verbose=0)

for i in range(NUM_BLOCKS):
    attention = lm.get_layer(f"self_attention_{i}")
    attention._tracker.unlock()
    attention._query_dense = LoraLayer(attention._query_dense, rank=RANK, alpha=ALPHA,
                                       layer_idx=2 * i, trainable=True)
    attention._value_dense = LoraLayer(attention._value_dense, rank=RANK, alpha=ALPHA,
                                       layer_idx=2 * i + 1, trainable=True)
    attention._tracker.lock()

# forward pass to make sure the chain of computation is still valid
lm(x_tokens[:2])

for sub in lm._flatten_layers():
    if len(list(sub._flatten_layers())) == 1:
        sub.trainable = "A_" in sub.name or "B_" in sub.name

lm.compile(optimizer=keras.optimizers.AdamW(5e-4), loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
lm.fit(x_tokens, y_tokens, batch_size=16, epochs=1, verbose=0)
print("trainable LoRA weights:", sum(int(np.prod(w.shape)) for w in lm.trainable_weights))
