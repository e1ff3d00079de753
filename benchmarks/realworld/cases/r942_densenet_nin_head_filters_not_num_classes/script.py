import numpy as np
import keras
from keras import layers
from keras.layers import (Conv2D, Input, MaxPool2D, Concatenate, AveragePooling2D,
                          GlobalAveragePooling2D, Dropout, BatchNormalization, Reshape, Flatten)
from keras.models import Model
from keras.utils import to_categorical

rng = np.random.default_rng(7)
train_norm = rng.random((64, 32, 32, 3)).astype("float32")
val_norm = rng.random((16, 32, 32, 3)).astype("float32")
train_label = to_categorical(rng.integers(0, 10, 64), 10)
val_label = to_categorical(rng.integers(0, 10, 16), 10)

num_clas = 10


def mish(x):
    return layers.Activation(lambda t: t * keras.ops.tanh(keras.ops.softplus(t)))(x)


def conv_block(inps, filters, kernel, strides):
    x = Conv2D(filters, kernel, strides, padding="same")(inps)
    return mish(x)


def nin_block(inps, filter, ker):
    x = Conv2D(filter, ker, padding="same")(inps)
    x = mish(x)
    x = Conv2D(filter, 1, padding="same")(x)
    x = mish(x)
    x = Conv2D(filter, 1, padding="same")(x)
    return mish(x)


def dense_block(inps, filter, times):
    for _ in range(times):
        part2 = mish(Conv2D(filter[0], 1, padding="same")(inps))
        part2 = mish(Conv2D(filter[1], 3, padding="same")(part2))
        inps = Concatenate()([inps, part2])
    return inps


def densenet():
    shp = train_norm.shape
    input_image = Input(shape=(shp[1], shp[2], shp[3]))
    x = conv_block(input_image, 16, 7, 2)
    x = MaxPool2D(pool_size=(2, 2), strides=(2, 2))(x)

    x = dense_block(x, [16, 16], 3)
    x = Dropout(0.5)(x)
    x = BatchNormalization()(x)
    x = conv_block(x, 16, 1, 1)
    x = AveragePooling2D(pool_size=(2, 2), strides=(2, 2))(x)

    x = dense_block(x, [16, 16], 3)
    x = Dropout(0.5)(x)
    x = BatchNormalization()(x)
    x = conv_block(x, 16, 1, 1)

    # network-in-network head instead of a softmax Dense
    x = nin_block(x, 16, 3)
    x = GlobalAveragePooling2D()(x)
    x = Reshape((1, 1, num_clas))(x)
    x = Flatten()(x)
    return Model(inputs=input_image, outputs=x)


model = densenet()
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
              loss=keras.losses.CategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
model.fit(train_norm, train_label, epochs=1, batch_size=16, validation_data=(val_norm, val_label), verbose=0)
print(model.evaluate(val_norm, val_label, verbose=0))
