import numpy as np
import tensorflow as tf
import keras
from keras import layers

# volumes are stored as (width, height, depth) like the converted .nii scans
W, H, D = 24, 20, 16
rng = np.random.default_rng(13)
n_scans = 6
scans = rng.normal(size=(n_scans, W, H, D, 4)).astype("float32")
seg = rng.choice([0.0, 1.0, 2.0, 4.0], size=(n_scans, W, H, D), p=[0.7, 0.1, 0.1, 0.1]).astype("float32")


def to_multi_channel(image, label):
    tc = tf.logical_or(tf.equal(label, 1), tf.equal(label, 4))
    wt = tf.logical_or(tc, tf.equal(label, 2))
    et = tf.equal(label, 4)
    label = tf.stack([tf.cast(tc, tf.float32), tf.cast(wt, tf.float32), tf.cast(et, tf.float32)], axis=-1)
    return image, label


def rearrange_shape(image, label):
    image = tf.transpose(image, perm=[2, 1, 0, 3])  # whdc -> dhwc
    return image, label


def load_dataset(images, labels, batch_size=1, shuffle=True):
    dataset = tf.data.Dataset.from_tensor_slices((images, labels))
    dataset = dataset.shuffle(buffer_size=8) if shuffle else dataset
    dataset = dataset.map(rearrange_shape, num_parallel_calls=tf.data.AUTOTUNE)
    dataset = dataset.map(to_multi_channel, num_parallel_calls=tf.data.AUTOTUNE)
    return dataset.batch(batch_size).prefetch(tf.data.AUTOTUNE)


train_ds = load_dataset(scans[:4], seg[:4], batch_size=1, shuffle=True)
val_ds = load_dataset(scans[4:], seg[4:], batch_size=1, shuffle=False)

num_classes = 3
input_shape = (D, H, W, 4)


def small_unet3d(input_shape, num_classes):
    inputs = keras.Input(shape=input_shape)
    e1 = layers.Conv3D(8, 3, padding="same", activation="relu")(inputs)
    p1 = layers.MaxPooling3D(2)(e1)
    b = layers.Conv3D(16, 3, padding="same", activation="relu")(p1)
    u1 = layers.UpSampling3D(2)(b)
    d1 = layers.Concatenate()([u1, e1])
    d1 = layers.Conv3D(8, 3, padding="same", activation="relu")(d1)
    outputs = layers.Conv3D(num_classes, 1)(d1)
    return keras.Model(inputs, outputs)


model = small_unet3d(input_shape, num_classes)
model.compile(
    optimizer=keras.optimizers.AdamW(learning_rate=1e-4, weight_decay=1e-5),
    loss=keras.losses.BinaryCrossentropy(from_logits=True),
)
history = model.fit(train_ds, validation_data=val_ds, epochs=2, verbose=0)
print("final loss:", history.history["loss"][-1])
