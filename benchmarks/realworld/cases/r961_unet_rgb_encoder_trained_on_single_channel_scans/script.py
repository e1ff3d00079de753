import numpy as np
import keras
from keras import layers


def conv_block(x, filters):
    x = layers.Conv2D(filters, 3, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    return layers.Activation("relu")(x)


def Unet(backbone_filters=(16, 32, 64), input_shape=(None, None, 3), classes=1, activation="sigmoid"):
    image = keras.Input(shape=input_shape, name="data")
    skips, x = [], image
    for f in backbone_filters:
        x = conv_block(conv_block(x, f), f)
        skips.append(x)
        x = layers.MaxPooling2D(2)(x)
    x = conv_block(x, backbone_filters[-1] * 2)
    for f, skip in zip(reversed(backbone_filters), reversed(skips)):
        x = layers.UpSampling2D(2)(x)
        x = layers.Concatenate()([x, skip])
        x = conv_block(conv_block(x, f), f)
    out = layers.Conv2D(classes, 1, activation=activation, name=activation)(x)
    return keras.Model(image, out)


rng = np.random.default_rng(961)
scans = rng.integers(0, 256, size=(12, 128, 128)).astype("uint8")
lesions = (rng.random((12, 128, 128, 1)) > 0.85).astype("float32")

x_train = (scans / 255.0)[..., np.newaxis].astype("float32")
y_train = lesions

model = Unet(input_shape=(None, None, 3), classes=1, activation="sigmoid")
model.compile("adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=4, epochs=1, verbose=0)
print(model.predict(x_train[:1], verbose=0).shape)
