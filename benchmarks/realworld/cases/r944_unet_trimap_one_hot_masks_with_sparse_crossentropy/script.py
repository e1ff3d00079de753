import numpy as np
import tensorflow as tf
import keras
from keras.layers import (Conv2D, BatchNormalization, Activation, MaxPool2D,
                          Conv2DTranspose, Concatenate, Input)
from keras.models import Model

SIZE = 64
rng = np.random.default_rng(9)
raw = {
    "image": rng.integers(0, 256, size=(24, 80, 80, 3)).astype("uint8"),
    "segmentation_mask": rng.integers(1, 4, size=(24, 80, 80, 1)).astype("uint8"),  # trimap 1..3
}
dataset = tf.data.Dataset.from_tensor_slices(raw)


def normalize(input_image, input_mask):
    input_image = tf.cast(input_image, tf.float32) / 255.0
    input_mask -= 1
    return input_image, input_mask


def load_image(datapoint):
    input_image = tf.image.resize(datapoint["image"], (SIZE, SIZE))
    input_mask = tf.image.resize(datapoint["segmentation_mask"], (SIZE, SIZE), method="nearest")
    return normalize(input_image, input_mask)


def normalize_cat(input_image, input_mask):
    input_image = tf.cast(input_image, tf.float32) / 255.0
    input_mask = tf.reshape(input_mask, [SIZE, SIZE]) - 1
    input_mask = tf.one_hot(tf.cast(input_mask, tf.int32), 3)
    return input_image, tf.cast(input_mask, tf.float32)


def load_image2(datapoint):  # one-hot masks
    input_image = tf.image.resize(datapoint["image"], (SIZE, SIZE))
    input_mask = tf.image.resize(datapoint["segmentation_mask"], (SIZE, SIZE), method="nearest")
    return normalize_cat(input_image, input_mask)


train_images = dataset.map(load_image2, num_parallel_calls=tf.data.AUTOTUNE)
train_batches = train_images.shuffle(24).batch(8).prefetch(tf.data.AUTOTUNE)

entropy_loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)


def conv_block(inputs, num_filters):
    x = Conv2D(num_filters, 3, padding="same")(inputs)
    x = BatchNormalization()(x)
    x = Activation("relu")(x)
    x = Conv2D(num_filters, 3, padding="same")(x)
    x = BatchNormalization()(x)
    return Activation("relu")(x)


def decoder_block(inputs, skip_features, num_filters):
    x = Conv2DTranspose(num_filters, (2, 2), strides=2, padding="same")(inputs)
    x = Concatenate()([x, skip_features])
    return conv_block(x, num_filters)


def build_small_unet(input_shape=(SIZE, SIZE, 3), n=3, lr=0.0001, loss=entropy_loss):
    inputs = Input(input_shape)
    s1 = conv_block(inputs, 8)
    s2 = conv_block(MaxPool2D()(s1), 16)
    s3 = conv_block(MaxPool2D()(s2), 32)
    b1 = conv_block(MaxPool2D()(s3), 64)
    d1 = decoder_block(b1, s3, 32)
    d2 = decoder_block(d1, s2, 16)
    d3 = decoder_block(d2, s1, 8)
    outputs = Conv2D(n, 1, padding="same", activation="softmax")(d3)
    model = Model(inputs, outputs, name="small_unet")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=lr), loss=loss, metrics=["accuracy"])
    return model


model = build_small_unet()
model.fit(train_batches, epochs=1, verbose=0)
for image, mask in train_batches.take(1):
    pred_mask = model.predict(image[:1], verbose=0)
    print(tf.math.argmax(pred_mask, axis=-1).shape)
