# Small BERT-style sentiment classifier: texts are tokenised as [CLS] + tokens[:maxlen] + [SEP]
# and padded to a common length; token embeddings are added to a learned position table
# that covers at most 64 positions (the "pretrained" model's sequence length).
import numpy as np
import keras
from keras import layers, ops

SEQ_LEN = 64          # positions the position table was built for
maxlen = 64           # tokens kept per text
VOCAB, DIM = 500, 32
CLS, SEP = 1, 2


class PositionEmbedding(layers.Layer):
    def __init__(self, max_positions, dim, **kwargs):
        super().__init__(**kwargs)
        self.table = self.add_weight(shape=(max_positions, dim), initializer="uniform", name="table")

    def call(self, x):
        return x + ops.expand_dims(self.table, 0)


def encode(tokens):
    ids = [CLS] + list(tokens[:maxlen]) + [SEP]
    return ids + [0] * (maxlen + 2 - len(ids))


rng = np.random.default_rng(1)
texts = [rng.integers(3, VOCAB, size=rng.integers(20, 90)) for _ in range(48)]
X = np.array([encode(t) for t in texts])
y = rng.integers(0, 2, size=48)

ids = keras.Input(shape=(None,), dtype="int32")
h = layers.Embedding(VOCAB, DIM)(ids)
h = PositionEmbedding(SEQ_LEN, DIM)(h)
h = layers.MultiHeadAttention(num_heads=2, key_dim=16)(h, h)
h = layers.GlobalAveragePooling1D()(h)
out = layers.Dense(2, activation="softmax")(h)
model = keras.Model(ids, out)
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X, y, batch_size=8, epochs=1, verbose=0)
print(model.predict(X[:2], verbose=0).shape)
