import numpy as np
import keras
from keras import layers

SEQ_LEN = 20
VOCAB = 300
DIM = 24
n_reviews = 64

rng = np.random.default_rng(8)
token_ids = rng.integers(4, VOCAB, size=(n_reviews, SEQ_LEN)).astype("int32")
padding = np.ones((n_reviews, SEQ_LEN), dtype="int32")
segment_ids = np.zeros((n_reviews, SEQ_LEN), dtype="int32")
segment_ids[:, -3:] = 1
span_start = rng.integers(1, 8, size=n_reviews)
span_end = span_start + rng.integers(0, 8, size=n_reviews)
start_onehot = np.eye(SEQ_LEN, dtype="float32")[span_start]
end_onehot = np.eye(SEQ_LEN, dtype="float32")[span_end]

ids_in = keras.Input((SEQ_LEN,), dtype="int32", name="token_ids")
pad_in = keras.Input((SEQ_LEN,), dtype="int32", name="padding")
seg_in = keras.Input((SEQ_LEN,), dtype="int32", name="segment_ids")
h = layers.Embedding(VOCAB, DIM)(ids_in) + layers.Embedding(2, DIM)(seg_in)
for _ in range(2):
    a = layers.MultiHeadAttention(num_heads=3, key_dim=8)(h, h, attention_mask=pad_in[:, None, :])
    h = layers.LayerNormalization()(h + a)


def span_head(hidden, name):
    s = layers.Dropout(0.1)(hidden)
    s = layers.Conv1D(1, 1)(s)
    s = layers.Flatten()(s)
    return layers.Activation("softmax", name=name)(s)


extractor = keras.Model(
    {"token_ids": ids_in, "padding": pad_in, "segment_ids": seg_in},
    {"span_start": span_head(h, "span_start"), "span_end": span_head(h, "span_end")},
)
extractor.compile(optimizer="adam", loss="categorical_crossentropy")
extractor.fit(
    {"token_ids": token_ids, "padding": padding, "segment_ids": segment_ids},
    {"span_start": start_onehot, "span_end": end_onehot},
    batch_size=16,
    epochs=2,
    verbose=0,
)
out = extractor.predict({"token_ids": token_ids[:3], "padding": padding[:3], "segment_ids": segment_ids[:3]}, verbose=0)
print("start positions:", out["span_start"].argmax(axis=-1), "end positions:", out["span_end"].argmax(axis=-1))
