import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(31)
words = [f"term{i}" for i in range(300)]
term_index = {w: i + 1 for i, w in enumerate(words)}  # 0 is kept for padding
glove = {w: rng.normal(size=50).astype("float32") for w in words[:250]}
query_len, doc_len, hist_bins = 6, 30, 10


def build_matrix(term_index, vectors, dim=50):
    matrix = rng.uniform(-0.2, 0.2, size=(len(term_index) + 1, dim)).astype("float32")
    for term, idx in term_index.items():
        if term in vectors:
            matrix[idx] = vectors[term]
    return matrix


vocab_size = len(term_index)

query = keras.Input(shape=(query_len,), name="text_left")
match_hist = keras.Input(shape=(query_len, hist_bins), name="match_histogram")
q_emb = layers.Embedding(vocab_size, 50, name="embedding")(query)
gate = layers.Dense(1, use_bias=False)(q_emb)
gate = layers.Softmax(axis=1)(gate)
h = layers.Dense(5, activation="tanh")(match_hist)
h = layers.Dense(1, activation="tanh")(h)
score = layers.Dot(axes=1)([gate, h])
score = layers.Flatten()(score)
drmm = keras.Model([query, match_hist], score)

embedding_matrix = build_matrix(term_index, glove)
embedding_matrix = embedding_matrix / np.linalg.norm(embedding_matrix, axis=1, keepdims=True)
drmm.get_layer("embedding").set_weights([embedding_matrix])

q_ids = rng.integers(1, len(term_index) + 1, size=(40, query_len))
hists = rng.random((40, query_len, hist_bins)).astype("float32")
relevance = rng.random((40, 1)).astype("float32")
drmm.compile(optimizer="adam", loss="mse")
drmm.fit([q_ids, hists], relevance, batch_size=8, epochs=1, verbose=0)
print("ranked", drmm.predict([q_ids[:4], hists[:4]], verbose=0).ravel())
