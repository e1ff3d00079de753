import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(973)
max_seq_len = 32
n_classes = 27

bert_config = {
    "vocab_size": 500,
    "hidden_size": 48,
    "num_heads": 4,
    "intermediate_size": 96,
    "num_labels": n_classes + 1,
}


class BertModelLayer(layers.Layer):
    def __init__(self, vocab_size, hidden_size, num_heads, intermediate_size, **kwargs):
        kwargs = {k: v for k, v in kwargs.items() if k in ("name", "dtype", "trainable")}
        super().__init__(**kwargs)
        self.token_emb = layers.Embedding(vocab_size, hidden_size)
        self.pos_emb = layers.Embedding(max_seq_len, hidden_size)
        self.attention = layers.MultiHeadAttention(num_heads, hidden_size // num_heads)
        self.norm1 = layers.LayerNormalization()
        self.ffn = keras.Sequential([layers.Dense(intermediate_size, activation="gelu"), layers.Dense(hidden_size)])
        self.norm2 = layers.LayerNormalization()

    def call(self, token_ids):
        positions = keras.ops.arange(keras.ops.shape(token_ids)[1])
        x = self.token_emb(token_ids) + self.pos_emb(positions)
        x = self.norm1(x + self.attention(x, x))
        return self.norm2(x + self.ffn(x))


l_bert = BertModelLayer(**bert_config, name="bert")

input_ids = keras.Input(shape=(max_seq_len,), dtype="int32", name="input_ids")
seq_output = l_bert(input_ids)
cls_out = layers.Lambda(lambda seq: seq[:, 0, :])(seq_output)
cls_out = layers.Dropout(0.1)(cls_out)
logits = layers.Dense(units=768, activation="tanh")(cls_out)
logits = layers.Dropout(0.1)(logits)
logits = layers.Dense(units=2, activation=None)(logits)

model = keras.Model(inputs=input_ids, outputs=logits)
model.compile(
    optimizer=keras.optimizers.Adam(1e-4),
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=[keras.metrics.SparseCategoricalAccuracy(name="acc")],
)

x_train = rng.integers(1, bert_config["vocab_size"], size=(270, max_seq_len)).astype("int32")
x_train[:, 0] = 101
y_train = rng.integers(0, n_classes, size=(270,))

model.fit(x_train, y_train, validation_split=0.1, batch_size=16, epochs=1, verbose=0)
print("logits:", model.predict(x_train[:4], verbose=0).shape)
