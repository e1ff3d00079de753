import numpy as np
import keras
from keras import layers, ops

NUM_FRAMES = 16
POSE_FEATS = 8 * 3      # selected body joints x (x, y, z)
HAND_FEATS = 2 * 21 * 3 # two hands, 21 joints each
signs = ["bathroom", "eat", "drink", "hello", "thanks", "sorry", "help", "home", "school", "water"]
rng = np.random.default_rng(6)


def make_dataset(n):
    pose = rng.normal(size=(n, NUM_FRAMES, POSE_FEATS)).astype("float32")
    hands = rng.normal(size=(n, NUM_FRAMES, HAND_FEATS)).astype("float32")
    label_idx = rng.integers(0, len(signs), size=n)
    y = keras.utils.to_categorical(label_idx, len(signs))
    return [pose, hands], y


def triplet_hard_loss(y_true, y_pred, margin=0.5):
    batch = ops.shape(y_pred)[0]
    labels = ops.reshape(y_true, (batch, 1))
    same = ops.cast(ops.equal(labels, ops.transpose(labels)), "float32")
    sq = ops.sum(ops.square(y_pred), axis=1, keepdims=True)
    dist = ops.maximum(sq - 2.0 * ops.matmul(y_pred, ops.transpose(y_pred)) + ops.transpose(sq), 0.0)
    hardest_pos = ops.max(dist * same, axis=1)
    hardest_neg = ops.min(dist + 1e9 * same, axis=1)
    return ops.mean(ops.maximum(hardest_pos - hardest_neg + margin, 0.0))


pose_in = keras.Input(shape=(NUM_FRAMES, POSE_FEATS), name="pose")
hands_in = keras.Input(shape=(NUM_FRAMES, HAND_FEATS), name="hands")
p = layers.Conv1D(32, 3, padding="same", activation="relu")(pose_in)
h = layers.Conv1D(64, 3, padding="same", activation="relu")(hands_in)
x = layers.concatenate([layers.GlobalAveragePooling1D()(p), layers.GlobalAveragePooling1D()(h)])
x = layers.Dense(64, activation="relu")(x)
embedding = layers.UnitNormalization()(layers.Dense(32)(x))
model = keras.Model([pose_in, hands_in], embedding)
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss=triplet_hard_loss)

x_train, y_train = make_dataset(64)
model.fit(x_train, y_train, batch_size=8, epochs=1)
support = model.predict(x_train, verbose=0)
print("embeddings for the kNN index:", support.shape)
