import numpy as np
import keras
from keras import layers

maxlen = 24
vocab_size = 200
classes = ["action", "comedy", "drama", "horror"]
CLS, SEP = 1, 2
rng = np.random.default_rng(11)
docs = [list(rng.integers(3, vocab_size, size=rng.integers(5, 30))) for _ in range(96)]
labels = keras.utils.to_categorical(rng.integers(0, len(classes), size=96), len(classes))


def encode_standard(documents):
    """word-index sequences, pre-padded with zeros (standard preprocessing)"""
    return keras.utils.pad_sequences(documents, maxlen=maxlen, padding="pre")


def encode_bert(documents):
    """[CLS] tokens [SEP], post-padded, plus all-zero segment ids"""
    ids = [[CLS] + d[: maxlen - 2] + [SEP] for d in documents]
    ids = keras.utils.pad_sequences(ids, maxlen=maxlen, padding="post")
    return [ids, np.zeros_like(ids)]


def bert_classifier(embed_dim=32, heads=4):
    token_in = keras.Input(shape=(maxlen,), dtype="int32", name="Input-Token")
    segment_in = keras.Input(shape=(maxlen,), dtype="int32", name="Input-Segment")
    tok = layers.Embedding(vocab_size, embed_dim)(token_in)
    seg = layers.Embedding(2, embed_dim)(segment_in)
    pos = layers.Embedding(maxlen, embed_dim)(np.arange(maxlen))
    x = layers.LayerNormalization()(tok + seg + pos)
    attn = layers.MultiHeadAttention(heads, embed_dim // heads)(x, x)
    x = layers.LayerNormalization()(x + attn)
    ff = layers.Dense(embed_dim)(layers.Dense(64, activation="gelu")(x))
    x = layers.LayerNormalization()(x + ff)
    cls = layers.Lambda(lambda t: t[:, 0])(x)
    out = layers.Dense(len(classes), activation="softmax")(cls)
    return keras.Model([token_in, segment_in], out)


x_train = encode_standard(docs[:80])
x_test = encode_standard(docs[80:])
y_train, y_test = labels[:80], labels[80:]

model = bert_classifier()
model.compile(optimizer=keras.optimizers.Adam(2e-5), loss="categorical_crossentropy",
              metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=16, epochs=1, validation_data=(x_test, y_test))
