# Product-photo near-duplicate lookup: embed the catalogue with a small CNN,
# hash the embeddings with random hyperplanes, then look up one query photo.
import numpy as np
import keras

PHOTO_SIZE = 48
rng = np.random.default_rng(166)
catalogue = rng.uniform(0, 255, size=(30, PHOTO_SIZE, PHOTO_SIZE, 3)).astype("float32")
catalogue_tags = rng.integers(0, 4, size=30)
queries = rng.uniform(0, 255, size=(5, PHOTO_SIZE, PHOTO_SIZE, 3)).astype("float32")

encoder = keras.Sequential(
    [
        keras.layers.Input((PHOTO_SIZE, PHOTO_SIZE, 3)),
        keras.layers.Rescaling(1.0 / 255),
        keras.layers.Conv2D(8, 3, strides=2, activation="relu"),
        keras.layers.Conv2D(24, 3, strides=2, activation="relu"),
        keras.layers.GlobalAveragePooling2D(),
        keras.layers.Normalization(mean=0, variance=1),
    ],
    name="photo_encoder",
)


def signature(vectors, planes):
    bits = np.dot(np.asarray(vectors), planes) > 0
    return [int("".join("1" if b else "0" for b in row), 2) for row in bits]


class HashIndex:
    def __init__(self, model, n_bits=6, dim=24, n_tables=4):
        self.model = model
        self.dim = dim
        self.planes = [rng.normal(size=(dim, n_bits)) for _ in range(n_tables)]
        self.buckets = [{} for _ in range(n_tables)]

    def _embed(self, photo):
        if photo.ndim == 3:
            photo = np.expand_dims(photo, axis=0)
        return self.model.predict(photo, verbose=0)

    def add(self, key, photo):
        vec = self._embed(photo)
        for planes, bucket in zip(self.planes, self.buckets):
            for h in signature(vec, planes):
                bucket.setdefault(h, []).append(key)

    def lookup(self, photo):
        vec = self._embed(photo)
        hits = {}
        for planes, bucket in zip(self.planes, self.buckets):
            for h in signature(vec, planes):
                for key in bucket.get(h, []):
                    hits[key] = hits.get(key, 0) + 1
        return {k: v / len(self.planes) for k, v in hits.items()}


index = HashIndex(encoder)
for i, (photo, tag) in enumerate(zip(catalogue, catalogue_tags)):
    index.add(f"{i}_{tag}", photo)

scores = index.lookup(queries[rng.integers(len(queries))])
print("candidates:", sorted(scores, key=scores.get, reverse=True)[:3])
