# Brain-tissue segmentation of small 3-D MRI blocks. The blocks and their label maps are
# stored as TFRecord-style tensors in which the label maps were already expanded to one
# channel per tissue class when the records were written. The training dataset applies a
# label-mapping step and is batched for a tiny 3-D U-Net trained with a soft Dice loss.
import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

BLOCK = 16
N_CLASSES = 3

rng = np.random.default_rng(317)
volumes = rng.normal(size=(24, BLOCK, BLOCK, BLOCK, 1)).astype("float32")
tissue_ids = rng.integers(0, N_CLASSES, size=(24, BLOCK, BLOCK, BLOCK))
stored_labels = np.eye(N_CLASSES, dtype="float32")[tissue_ids]


def map_labels(volume, label):
    return volume, tf.one_hot(tf.cast(label, tf.int32), N_CLASSES)


train_ds = (tf.data.Dataset.from_tensor_slices((volumes, stored_labels))
            .map(map_labels)
            .batch(4))


def dice_loss(y_true, y_pred):
    overlap = ops.sum(y_true * y_pred, axis=(1, 2, 3))
    total = ops.sum(y_true + y_pred, axis=(1, 2, 3))
    return 1.0 - ops.mean((2.0 * overlap + 1.0) / (total + 1.0), axis=-1)


vol_in = keras.Input(shape=(BLOCK, BLOCK, BLOCK, 1))
c1 = layers.Conv3D(8, 3, padding="same", activation="relu")(vol_in)
p1 = layers.MaxPooling3D(2)(c1)
c2 = layers.Conv3D(16, 3, padding="same", activation="relu")(p1)
u1 = layers.UpSampling3D(2)(c2)
m1 = layers.Concatenate()([u1, c1])
c3 = layers.Conv3D(8, 3, padding="same", activation="relu")(m1)
tissue_probs = layers.Conv3D(N_CLASSES, 1, activation="softmax")(c3)
unet = keras.Model(vol_in, tissue_probs)
unet.compile(optimizer="adam", loss=dice_loss)
unet.fit(train_ds, epochs=1, verbose=0)
print(unet.predict(volumes[:1], verbose=0).shape)
