import numpy as np
from tensorflow.keras.layers import Add, Conv2D, Input, Lambda
from tensorflow.keras.models import Model
import tensorflow as tf


def res_block(x_in, filters):
    x = Conv2D(filters, 3, padding="same", activation="relu")(x_in)
    x = Conv2D(filters, 3, padding="same")(x)
    return Add()([x_in, x])


def upsample(x, scale, num_filters):
    x = Conv2D(num_filters * (scale ** 2), 3, padding="same")(x)
    return Lambda(lambda t: tf.nn.depth_to_space(t, scale))(x)


def edsr(scale=4, num_filters=32, num_res_blocks=4):
    x_in = Input(shape=(None, None, 3))
    x = Lambda(lambda t: t / 255.0)(x_in)
    x = b = Conv2D(num_filters, 3, padding="same")(x)
    for _ in range(num_res_blocks):
        b = res_block(b, num_filters)
    b = Conv2D(num_filters, 3, padding="same")(b)
    x = Add()([x, b])
    x = upsample(x, scale, num_filters)
    x = Conv2D(3, 3, padding="same")(x)
    x = Lambda(lambda t: t * 255.0)(x)
    return Model(x_in, x, name="edsr")


model = edsr(scale=4)

# A PNG screenshot loaded with PIL: np.array(Image.open(path)) keeps its alpha channel
lr = np.random.randint(0, 256, size=(50, 55, 4)).astype("uint8")
lr_batch = np.expand_dims(lr, axis=0).astype("float32")
sr = model.predict(lr_batch, verbose=0)
sr = np.clip(sr[0], 0, 255).round().astype("uint8")
print(sr.shape)
