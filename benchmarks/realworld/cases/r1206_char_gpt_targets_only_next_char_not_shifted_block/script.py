import numpy as np
import tensorflow as tf
import keras
from keras import layers

batch_size, block_size = 8, 12
n_embd, n_head = 32, 4
text = "first citizen before we proceed any further hear me speak all speak speak " * 5
chars = sorted(set(text))
vocab_size = len(chars)
stoi = {ch: i for i, ch in enumerate(chars)}
data = np.array([stoi[c] for c in text], dtype=np.int64)
n = int(0.9 * len(data))
train_data, val_data = data[:n], data[n:]


def get_batch(split):
    source = train_data if split == "train" else val_data
    ix = np.random.randint(0, len(source) - block_size, batch_size)
    x = np.stack([source[i : i + block_size] for i in ix])
    y = np.stack([source[i + block_size] for i in ix])
    return x, y


batches = [get_batch("train") for _ in range(6)]
x_train = np.concatenate([b[0] for b in batches])
y_train = np.concatenate([b[1] for b in batches])
train_ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).batch(batch_size, drop_remainder=True)


class LanguageModel(keras.Model):
    def __init__(self):
        super().__init__()
        self.token_embedding_table = layers.Embedding(vocab_size, n_embd)
        self.position_embedding_table = layers.Embedding(block_size, n_embd)
        self.sa = layers.MultiHeadAttention(num_heads=n_head, key_dim=n_embd // n_head)
        self.ln = layers.LayerNormalization()
        self.lm_head = layers.Dense(vocab_size)

    def call(self, idx, targets=None):
        T = idx.shape[1]
        x = self.token_embedding_table(idx) + self.position_embedding_table(tf.range(T)[tf.newaxis, :])
        h = self.ln(x)
        x = x + self.sa(h, h, use_causal_mask=True)
        logits = self.lm_head(x)
        if targets is None:
            return logits, None
        logits_flat = tf.reshape(logits, [-1, logits.shape[-1]])
        targets_flat = tf.reshape(targets, [-1])
        loss = keras.losses.sparse_categorical_crossentropy(targets_flat, logits_flat, from_logits=True)
        return logits, tf.reduce_mean(loss)

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            logits, loss = self(x, y)
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        return {"lm_loss": loss}


model = LanguageModel()
model.compile(optimizer=keras.optimizers.Adam(1e-3))
history = model.fit(train_ds, epochs=1, verbose=0)
print("train loss:", history.history["lm_loss"])
