# Small encoder-decoder segmenting 64x64 RGB tiles into background / object with a
# per-pixel softmax over n_classes, trained with a flattened soft-Dice loss.
import numpy as np
import keras
from keras import layers, ops

n_classes = 2
size = 64


def dice_coef(y_true, y_pred, smooth=1.0):
    y_true_f = ops.reshape(y_true, (-1,))
    y_pred_f = ops.reshape(y_pred, (-1,))
    intersection = ops.sum(y_true_f * y_pred_f)
    return (2.0 * intersection + smooth) / (ops.sum(y_true_f) + ops.sum(y_pred_f) + smooth)


def dice_loss(y_true, y_pred):
    return 1.0 - dice_coef(y_true, y_pred)


inputs = keras.Input((size, size, 3))
c1 = layers.Conv2D(16, 3, padding="same", activation="relu")(inputs)
p1 = layers.MaxPooling2D()(c1)
c2 = layers.Conv2D(32, 3, padding="same", activation="relu")(p1)
u1 = layers.UpSampling2D()(c2)
m1 = layers.concatenate([u1, c1])
c3 = layers.Conv2D(16, 3, padding="same", activation="relu")(m1)
outputs = layers.Conv2D(n_classes, 1, activation="softmax")(c3)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss=dice_loss)

rng = np.random.default_rng(28)
tiles = rng.random((48, size, size, 3)).astype("float32")
masks = (rng.random((48, size, size, 1)) > 0.7).astype("float32")
model.fit(tiles, masks, batch_size=8, epochs=1, verbose=0)
