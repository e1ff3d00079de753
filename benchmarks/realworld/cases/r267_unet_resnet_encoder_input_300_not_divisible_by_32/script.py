import numpy as np
from tensorflow.keras import layers, models


def conv_bn_relu(x, filters, strides=1):
    x = layers.Conv2D(filters, 3, strides=strides, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    return layers.Activation("relu")(x)


def residual_stage(x, filters, strides):
    shortcut = layers.Conv2D(filters, 1, strides=strides, use_bias=False)(x)
    x = conv_bn_relu(x, filters, strides=strides)
    x = layers.Conv2D(filters, 3, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    return layers.Activation("relu")(layers.Add()([x, shortcut]))


def decoder_block(x, skip, filters):
    x = layers.UpSampling2D(size=2)(x)
    x = layers.Concatenate()([x, skip])
    x = conv_bn_relu(x, filters)
    return conv_bn_relu(x, filters)


def build_unet_resnet(input_shape, classes=1):
    inputs = layers.Input(shape=input_shape)
    s1 = conv_bn_relu(inputs, 16, strides=2)   # 1/2
    s2 = residual_stage(s1, 32, strides=2)     # 1/4
    s3 = residual_stage(s2, 64, strides=2)     # 1/8
    s4 = residual_stage(s3, 128, strides=2)    # 1/16
    s5 = residual_stage(s4, 256, strides=2)    # 1/32
    x = decoder_block(s5, s4, 128)
    x = decoder_block(x, s3, 64)
    x = decoder_block(x, s2, 32)
    x = decoder_block(x, s1, 16)
    x = layers.UpSampling2D(size=2)(x)
    outputs = layers.Conv2D(classes, 3, padding="same", activation="sigmoid")(x)
    return models.Model(inputs, outputs)


img_size_target = 300
model = build_unet_resnet((img_size_target, img_size_target, 3))
model.compile(optimizer="adam", loss="binary_crossentropy")
images = np.random.rand(4, img_size_target, img_size_target, 3).astype("float32")
masks = np.random.randint(0, 2, size=(4, img_size_target, img_size_target, 1)).astype("float32")
model.fit(images, masks, batch_size=2, epochs=1, verbose=0)
