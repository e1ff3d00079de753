import numpy as np
import tensorflow as tf
import keras
from keras import layers

batch_size, block_size = 8, 16
n_embd, n_head, n_layer = 32, 4, 2
text = "to be or not to be that is the question whether tis nobler in the mind " * 6
chars = sorted(set(text))
vocab_size = len(chars)
stoi = {c: i for i, c in enumerate(chars)}
data = np.array([stoi[c] for c in text], dtype="int64")
starts = np.arange(0, len(data) - block_size - 1, 5)
x = np.stack([data[i : i + block_size] for i in starts])
y = np.stack([data[i + 1 : i + block_size + 1] for i in starts])
train_ds = tf.data.Dataset.from_tensor_slices((x, y)).shuffle(64).batch(batch_size, drop_remainder=True)


class Block(layers.Layer):
    def __init__(self):
        super().__init__()
        self.sa = layers.MultiHeadAttention(num_heads=n_head, key_dim=n_embd // n_head)
        self.ffwd = keras.Sequential([layers.Dense(4 * n_embd, activation="relu"), layers.Dense(n_embd)])
        self.ln1 = layers.LayerNormalization()
        self.ln2 = layers.LayerNormalization()

    def call(self, x):
        h = self.ln1(x)
        x = x + self.sa(h, h, use_causal_mask=True)
        return x + self.ffwd(self.ln2(x))


class CharGPT(keras.Model):
    def __init__(self):
        super().__init__()
        self.token_embedding = layers.Embedding(vocab_size, n_embd)
        self.position_embedding = layers.Embedding(block_size, n_embd)
        self.blocks = [Block() for _ in range(n_layer)]
        self.ln_f = layers.LayerNormalization()
        self.lm_head = layers.Dense(vocab_size)

    def call(self, idx):
        T = idx.shape[1]
        x = self.token_embedding(idx) + self.position_embedding(tf.range(T)[tf.newaxis, :])
        for block in self.blocks:
            x = block(x)
        return self.lm_head(self.ln_f(x))

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            logits = self(x)
            loss = tf.reduce_mean(keras.losses.sparse_categorical_crossentropy(y, logits, from_logits=True))
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        return {"loss": loss}

    def generate(self, idx, max_new_tokens):
        for _ in range(max_new_tokens):
            logits = self(idx)
            idx_next = tf.random.categorical(logits[:, -1, :], num_samples=1)
            idx = tf.concat([idx, idx_next], axis=1)
        return idx


model = CharGPT()
model.compile(optimizer=keras.optimizers.Adam(1e-3))
model.fit(train_ds, epochs=1, verbose=0)
context = np.zeros((1, 1), dtype="int64")
generated = model.generate(context, max_new_tokens=40)
print("".join(chars[i] for i in generated[0].numpy().tolist()))
