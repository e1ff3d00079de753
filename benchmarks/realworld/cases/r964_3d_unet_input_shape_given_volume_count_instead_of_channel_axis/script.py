import numpy as np
import keras
from keras import layers


def conv3d_bn(x, filters):
    x = layers.Conv3D(filters, 3, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    return layers.Activation("relu")(x)


def Unet(input_shape, classes=1, activation="sigmoid", base_filters=8):
    volume = keras.Input(shape=input_shape)
    e1 = conv3d_bn(volume, base_filters)
    e2 = conv3d_bn(layers.MaxPooling3D(2)(e1), base_filters * 2)
    bottom = conv3d_bn(layers.MaxPooling3D(2)(e2), base_filters * 4)
    d2 = conv3d_bn(layers.Concatenate()([layers.UpSampling3D(2)(bottom), e2]), base_filters * 2)
    d1 = conv3d_bn(layers.Concatenate()([layers.UpSampling3D(2)(d2), e1]), base_filters)
    return keras.Model(volume, layers.Conv3D(classes, 1, activation=activation)(d1))


rng = np.random.default_rng(964)
# 12 CT scans, each 32 x 32 in-plane with 16 slices
scans = rng.normal(size=(12, 32, 32, 16)).astype("float32")
tumour = (rng.random((12, 32, 32, 16)) > 0.9).astype("float32")

x_train = scans[..., np.newaxis]
y_train = tumour[..., np.newaxis]
print("x_train:", x_train.shape)

model = Unet(input_shape=(12, 32, 32, 16), classes=1, activation="sigmoid")
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy")
model.fit(x_train, y_train, batch_size=4, epochs=1, verbose=0)
print(model.predict(x_train[:1], verbose=0).shape)
