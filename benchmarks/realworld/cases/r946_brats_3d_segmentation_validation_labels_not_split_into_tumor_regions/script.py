import numpy as np
import tensorflow as tf
import keras
from keras import layers

num_classes = 3
input_shape = (16, 16, 16, 4)  # depth, height, width, (flair, t1, t1ce, t2)

rng = np.random.default_rng(11)


def fake_cases(n):
    images = rng.normal(size=(n, 16, 16, 16, 4)).astype("float32")
    labels = rng.choice([0, 1, 2, 4], size=(n, 16, 16, 16), p=[0.7, 0.1, 0.1, 0.1]).astype("float32")
    return tf.data.Dataset.from_tensor_slices({"image": images, "label": labels})


def convert_to_multichannel_brats(label):
    tc = tf.logical_or(tf.equal(label, 1), tf.equal(label, 4))            # tumor core
    wt = tf.logical_or(tc, tf.equal(label, 2))                              # whole tumor
    et = tf.equal(label, 4)                                                 # enhancing tumor
    return tf.stack([tf.cast(tc, tf.float32), tf.cast(wt, tf.float32), tf.cast(et, tf.float32)], axis=-1)


def normalize_intensity(image):
    mean = tf.reduce_mean(image, axis=(0, 1, 2), keepdims=True)
    std = tf.math.reduce_std(image, axis=(0, 1, 2), keepdims=True)
    return (image - mean) / (std + 1e-6)


def train_transformation(sample):
    image = normalize_intensity(sample["image"])
    label = convert_to_multichannel_brats(sample["label"])
    return image, label


def val_transformation(sample):
    image = normalize_intensity(sample["image"])
    label = sample["label"]
    return image, label


train_ds = fake_cases(12).map(train_transformation).batch(2)
val_ds = fake_cases(4).map(val_transformation).batch(1)

inputs = keras.Input(shape=input_shape)
x = layers.Conv3D(8, 3, padding="same", activation="relu")(inputs)
skip = x
x = layers.MaxPooling3D(2)(x)
x = layers.Conv3D(16, 3, padding="same", activation="relu")(x)
x = layers.UpSampling3D(2)(x)
x = layers.Concatenate()([x, skip])
x = layers.Conv3D(8, 3, padding="same", activation="relu")(x)
outputs = layers.Conv3D(num_classes, 1, activation="sigmoid")(x)  # multi-label: TC, WT, ET
model = keras.Model(inputs, outputs)

model.compile(optimizer=keras.optimizers.AdamW(learning_rate=1e-3),
              loss=keras.losses.BinaryCrossentropy(),
              metrics=[keras.metrics.BinaryIoU(target_class_ids=[1], name="iou")])
model.fit(train_ds, epochs=1, verbose=0)
print(model.evaluate(val_ds, verbose=0))
