import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(0)
words = ["the", "film", "was", "good", "bad", "actor", "story", "long", "short", "scene", "i", "liked", "it"]
reviews = [" ".join(rng.choice(words, size=30)) for _ in range(256)]
dataset = tf.data.Dataset.from_tensor_slices(reviews).batch(32)

sequence_length = 20
vocab_size = 50
text_vectorization = layers.TextVectorization(
    max_tokens=vocab_size, output_mode="int", output_sequence_length=sequence_length
)
text_vectorization.adapt(dataset)


def prepare_lm_dataset(text_batch):
    vectorized_sequences = text_vectorization(text_batch)
    x = vectorized_sequences[:, :-1]
    y = vectorized_sequences
    return x, y


lm_dataset = dataset.map(prepare_lm_dataset, num_parallel_calls=4)


class TransformerDecoderBlock(layers.Layer):
    def __init__(self, embed_dim, latent_dim, num_heads, **kwargs):
        super().__init__(**kwargs)
        self.attention = layers.MultiHeadAttention(num_heads=num_heads, key_dim=embed_dim)
        self.dense_proj = keras.Sequential(
            [layers.Dense(latent_dim, activation="relu"), layers.Dense(embed_dim)]
        )
        self.layernorm_1 = layers.LayerNormalization()
        self.layernorm_2 = layers.LayerNormalization()

    def call(self, inputs):
        attention_output = self.attention(inputs, inputs, use_causal_mask=True)
        x = self.layernorm_1(inputs + attention_output)
        return self.layernorm_2(x + self.dense_proj(x))


embed_dim = 32
latent_dim = 64
num_heads = 2

inputs = keras.Input(shape=(None,), dtype="int64")
x = layers.Embedding(vocab_size, embed_dim)(inputs)
x = TransformerDecoderBlock(embed_dim, latent_dim, num_heads)(x)
outputs = layers.Dense(vocab_size, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(loss="sparse_categorical_crossentropy", optimizer="rmsprop")
model.fit(lm_dataset, epochs=2)
