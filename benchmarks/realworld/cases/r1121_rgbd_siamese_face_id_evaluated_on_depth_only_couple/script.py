import numpy as np
import keras
from keras import layers, ops

S = 40  # face crop size
rng = np.random.default_rng(2)
n_people = 6
faces = rng.random((n_people, S, S, 4)).astype("float32")  # RGB + depth per person


def shot(person):
    return faces[person] + 0.05 * rng.normal(size=(S, S, 4)).astype("float32")


def create_couple(people):
    """two depth maps of the same person"""
    p = rng.choice(people)
    return np.array([shot(p)[..., 3], shot(p)[..., 3]])


def create_couple_rgbd(people):
    """two RGB-D crops of the same person"""
    p = rng.choice(people)
    return np.array([shot(p), shot(p)])


def create_wrong_rgbd(people):
    """two RGB-D crops of different people"""
    p, q = rng.choice(people, size=2, replace=False)
    return np.array([shot(p), shot(q)])


def fire(x, squeeze=8, expand=16):
    x = layers.Conv2D(squeeze, 1, activation="relu")(x)
    left = layers.Conv2D(expand, 1, activation="relu")(x)
    right = layers.Conv2D(expand, 3, padding="same", activation="relu")(x)
    return layers.concatenate([left, right], axis=3)


img_input = keras.Input(shape=(S, S, 4))
x = layers.Conv2D(32, 3, strides=2, activation="relu")(img_input)
x = layers.MaxPooling2D(2)(x)
x = fire(x)
x = layers.Flatten()(x)
x = layers.Dense(64, activation="relu")(x)
feat = layers.Dense(32)(x)
feat = layers.UnitNormalization(axis=1)(feat)
model_top = keras.Model(img_input, feat)

im_in1 = keras.Input(shape=(S, S, 4))
im_in2 = keras.Input(shape=(S, S, 4))
f1, f2 = model_top(im_in1), model_top(im_in2)
distance = layers.Lambda(lambda t: ops.sqrt(ops.sum(ops.square(t[0] - t[1]), axis=1, keepdims=True) + 1e-7))([f1, f2])
model_final = keras.Model([im_in1, im_in2], distance)


def contrastive_loss(y_true, y_pred):
    margin = 1.0
    return ops.mean((1.0 - y_true) * ops.square(y_pred) + y_true * ops.square(ops.maximum(margin - y_pred, 0.0)))


model_final.compile(optimizer=keras.optimizers.Adam(0.001), loss=contrastive_loss)

train_people, val_people = [0, 1, 2, 3], [4, 5]
pairs = [create_couple_rgbd(train_people) for _ in range(24)] + [create_wrong_rgbd(train_people) for _ in range(24)]
pairs = np.array(pairs)
targets = np.array([0.0] * 24 + [1.0] * 24, dtype="float32").reshape(-1, 1)
model_final.fit([pairs[:, 0], pairs[:, 1]], targets, batch_size=8, epochs=1)

cop = create_couple(val_people)
print(model_final.evaluate([cop[0].reshape((1, S, S, 1)), cop[1].reshape((1, S, S, 1))], np.array([0.0])))
cop = create_wrong_rgbd(val_people)
print(model_final.predict([cop[0].reshape((1, S, S, 4)), cop[1].reshape((1, S, S, 4))], verbose=0))
