import numpy as np
import tensorflow as tf
import keras

IMAGE_SIZE = 64
NUM_IMAGES = 40
rng = np.random.default_rng(846)

images = rng.integers(0, 256, size=(NUM_IMAGES, IMAGE_SIZE, IMAGE_SIZE, 3)).astype("float32")
labels = rng.integers(0, 5, size=(NUM_IMAGES,))
validation_images = rng.integers(0, 256, size=(6, IMAGE_SIZE, IMAGE_SIZE, 3)).astype("float32")

# The trained flower classifier is not available offline; a small pooled
# feature extractor plays the role of bit_model.layers[1].
feature_extractor = keras.Sequential(
    [
        keras.layers.Conv2D(16, 3, strides=2, activation="relu"),
        keras.layers.Conv2D(32, 3, strides=2, activation="relu"),
        keras.layers.GlobalAveragePooling2D(),
    ]
)

embedding_model = keras.Sequential(
    [
        keras.layers.Input((IMAGE_SIZE, IMAGE_SIZE, 3)),
        keras.layers.Rescaling(scale=1.0 / 255),
        feature_extractor,
        keras.layers.Normalization(mean=0, variance=1),
    ],
    name="embedding_model",
)


def hash_func(embedding, random_vectors):
    embedding = np.array(embedding)
    bools = np.dot(embedding, random_vectors) > 0
    return [bool2int(bool_vec) for bool_vec in bools]


def bool2int(x):
    y = 0
    for i, j in enumerate(x):
        if j:
            y += 1 << i
    return y


class Table:
    def __init__(self, hash_size, dim):
        self.table = {}
        self.hash_size = hash_size
        self.random_vectors = np.random.randn(hash_size, dim).T

    def add(self, id, vectors, label):
        entry = {"id_label": str(id) + "_" + str(label)}
        for h in hash_func(vectors, self.random_vectors):
            self.table.setdefault(h, []).append(entry)

    def query(self, vectors):
        results = []
        for h in hash_func(vectors, self.random_vectors):
            if h in self.table:
                results.extend(self.table[h])
        return results


class LSH:
    def __init__(self, hash_size, dim, num_tables):
        self.tables = [Table(hash_size, dim) for _ in range(num_tables)]

    def add(self, id, vectors, label):
        for table in self.tables:
            table.add(id, vectors, label)

    def query(self, vectors):
        results = []
        for table in self.tables:
            results.extend(table.query(vectors))
        return results


class BuildLSHTable:
    def __init__(self, prediction_model, hash_size=8, dim=32, num_tables=10):
        self.hash_size = hash_size
        self.dim = dim
        self.num_tables = num_tables
        self.lsh = LSH(self.hash_size, self.dim, self.num_tables)
        self.prediction_model = prediction_model

    def train(self, training_files):
        for id, training_file in enumerate(training_files):
            image, label = training_file
            if len(image.shape) < 4:
                image = image[None, ...]
            features = self.prediction_model.predict(image, verbose=0)
            self.lsh.add(id, features, label)

    def query(self, image, verbose=True):
        features = self.prediction_model.predict(image, verbose=0)
        results = self.lsh.query(features)
        if verbose:
            print("Matches:", len(results))
        counts = {}
        for r in results:
            counts[r["id_label"]] = counts.get(r["id_label"], 0) + 1
        for k in counts:
            counts[k] = float(counts[k]) / self.dim
        return counts


lsh_builder = BuildLSHTable(embedding_model)
lsh_builder.train(zip(images, labels))

idx = np.random.choice(len(validation_images))
image = validation_images[idx]
results = lsh_builder.query(image)
print(sorted(results, key=results.get, reverse=True)[:4])
