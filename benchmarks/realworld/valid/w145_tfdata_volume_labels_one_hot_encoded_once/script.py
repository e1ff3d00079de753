# White-matter / grey-matter / CSF segmentation of small 3-D MRI blocks. The label
# records were written already one-hot (one channel per tissue), so the dataset's
# label-mapping step only casts them to float32 before batching; a small 3-D U-Net is
# trained with a soft Dice loss.
import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

CUBE = 16
TISSUES = 3

rng = np.random.default_rng(145)
blocks = rng.normal(size=(20, CUBE, CUBE, CUBE, 1)).astype("float32")
tissue_map = rng.integers(0, TISSUES, size=(20, CUBE, CUBE, CUBE))
onehot_records = np.eye(TISSUES, dtype="uint8")[tissue_map]


def map_labels(block, onehot):
    return block, tf.cast(onehot, tf.float32)


train_ds = (tf.data.Dataset.from_tensor_slices((blocks, onehot_records))
            .map(map_labels)
            .batch(4))


def soft_dice_loss(y_true, y_pred):
    inter = ops.sum(y_true * y_pred, axis=(1, 2, 3))
    denom = ops.sum(y_true + y_pred, axis=(1, 2, 3))
    return 1.0 - ops.mean((2.0 * inter + 1.0) / (denom + 1.0), axis=-1)


block_in = keras.Input(shape=(CUBE, CUBE, CUBE, 1))
e1 = layers.Conv3D(8, 3, padding="same", activation="relu")(block_in)
d1 = layers.MaxPooling3D(2)(e1)
b = layers.Conv3D(16, 3, padding="same", activation="relu")(d1)
u1 = layers.UpSampling3D(2)(b)
j1 = layers.Concatenate()([u1, e1])
h = layers.Conv3D(8, 3, padding="same", activation="relu")(j1)
tissue_probs = layers.Conv3D(TISSUES, 1, activation="softmax")(h)
segmenter = keras.Model(block_in, tissue_probs)
segmenter.compile(optimizer="adam", loss=soft_dice_loss)
segmenter.fit(train_ds, epochs=1, verbose=0)
print(segmenter.predict(blocks[:1], verbose=0).shape)
