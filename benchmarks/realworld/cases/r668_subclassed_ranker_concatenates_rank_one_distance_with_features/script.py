# Subclassed pair ranker: a query and a candidate (16 features each) are encoded by a
# shared tower; the score head sees the Euclidean distance between the two codes next
# to the two price features of the candidate.
import numpy as np
import keras
from keras import layers, ops


class PairRanker(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.tower = layers.Dense(12, activation="relu")
        self.merge = layers.Concatenate(axis=1)
        self.hidden = layers.Dense(16, activation="relu")
        self.score = layers.Dense(1, activation="sigmoid")

    def call(self, inputs):
        query, candidate, prices = inputs
        q_code = self.tower(query)
        c_code = self.tower(candidate)
        distance = ops.sqrt(ops.sum(ops.square(q_code - c_code), axis=-1) + 1e-6)
        merged = self.merge([distance, prices])
        return self.score(self.hidden(merged))


rng = np.random.default_rng(12975)
queries = rng.random((256, 16)).astype("float32")
candidates = rng.random((256, 16)).astype("float32")
price_feats = rng.random((256, 2)).astype("float32")
clicked = rng.integers(0, 2, size=(256, 1)).astype("float32")

ranker = PairRanker()
ranker.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
ranker.fit((queries, candidates, price_feats), clicked, batch_size=32, epochs=2, verbose=0)
print(ranker.predict((queries[:4], candidates[:4], price_feats[:4]), verbose=0).ravel())
