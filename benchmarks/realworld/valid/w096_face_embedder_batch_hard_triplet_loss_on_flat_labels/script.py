import numpy as np
import keras
from keras import layers, ops


def batch_hard_triplet_loss(y_true, y_pred, margin=0.5):
    labels = ops.squeeze(y_true, axis=-1)  # Keras passes (batch, 1) labels
    dot = ops.matmul(y_pred, ops.transpose(y_pred))
    sq_norms = ops.diagonal(dot)
    dist = ops.maximum(ops.expand_dims(sq_norms, 0) - 2.0 * dot + ops.expand_dims(sq_norms, 1), 0.0)
    same = ops.cast(ops.equal(ops.expand_dims(labels, 0), ops.expand_dims(labels, 1)), "float32")
    hardest_pos = ops.max(same * dist, axis=1, keepdims=True)
    max_dist = ops.max(dist, axis=1, keepdims=True)
    hardest_neg = ops.min(dist + max_dist * same, axis=1, keepdims=True)
    return ops.mean(ops.maximum(hardest_pos - hardest_neg + margin, 0.0))


rng = np.random.default_rng(21)
x_train = rng.random((384, 16, 16, 1)).astype("float32")
y_train = rng.integers(0, 8, size=(384, 1)).astype("float32")  # identity of each face crop

embedder = keras.Sequential([
    keras.Input(shape=(16, 16, 1)),
    layers.Conv2D(16, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(32, 3, activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(24),
    layers.UnitNormalization(),
])
embedder.compile(optimizer="adam", loss=batch_hard_triplet_loss)
embedder.fit(x_train, y_train, batch_size=64, epochs=2, verbose=0)
emb = embedder.predict(x_train[:8], verbose=0)
print("embeddings:", emb.shape, "pairwise:", (emb @ emb.T).shape)
