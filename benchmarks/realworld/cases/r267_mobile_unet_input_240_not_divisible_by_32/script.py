import numpy as np
from tensorflow.keras.layers import Input, Conv2D, Conv2DTranspose, BatchNormalization, Activation, concatenate
from tensorflow.keras.models import Model

IMG_SIZE = 240


def conv_bn(x, filters, strides=1):
    x = Conv2D(filters, 3, strides=strides, padding="same", use_bias=False)(x)
    x = BatchNormalization()(x)
    return Activation("relu")(x)


def build_mobile_unet(img_size):
    inputs = Input(shape=(img_size, img_size, 3))
    b00 = conv_bn(inputs, 16, strides=2)    # 1/2
    b01 = conv_bn(b00, 32)
    b03 = conv_bn(b01, 64, strides=2)       # 1/4
    b05 = conv_bn(b03, 128, strides=2)      # 1/8
    b11 = conv_bn(b05, 256, strides=2)      # 1/16
    b13 = conv_bn(b11, 512, strides=2)      # 1/32

    filters = 64
    up1 = concatenate([Conv2DTranspose(filters, (2, 2), strides=(2, 2), padding="same")(b13), b11], axis=3)
    up1 = conv_bn(up1, filters)
    up2 = concatenate([Conv2DTranspose(filters, (2, 2), strides=(2, 2), padding="same")(up1), b05], axis=3)
    up2 = conv_bn(up2, filters)
    up3 = concatenate([Conv2DTranspose(filters, (2, 2), strides=(2, 2), padding="same")(up2), b03], axis=3)
    up3 = conv_bn(up3, filters)
    up4 = concatenate([Conv2DTranspose(filters, (2, 2), strides=(2, 2), padding="same")(up3), b01], axis=3)
    up4 = conv_bn(up4, filters)
    up5 = Conv2DTranspose(16, (2, 2), strides=(2, 2), padding="same")(up4)
    outputs = Conv2D(1, 1, activation="sigmoid")(up5)
    return Model(inputs, outputs)


model = build_mobile_unet(IMG_SIZE)
model.compile(optimizer="adam", loss="binary_crossentropy")
images = np.random.rand(4, IMG_SIZE, IMG_SIZE, 3).astype("float32")
masks = np.random.randint(0, 2, size=(4, IMG_SIZE, IMG_SIZE, 1)).astype("float32")
model.fit(images, masks, batch_size=2, epochs=1, verbose=0)
