# PSPNet-style scene segmenter: a small encoder reduces the image 16 times, a pyramid
# pooling module average-pools the feature map into 1x1, 2x2, 3x3 and 6x6 bins (pool size
# and stride = round(side / factor)), projects and upsamples each back by the same factor,
# and concatenates them with the features before the per-pixel classifier.
import numpy as np
import keras
from keras import layers

N_CLASSES = 5
INPUT_HEIGHT, INPUT_WIDTH = 320, 320


def conv_bn(x, filters, strides=1):
    x = layers.Conv2D(filters, 3, strides=strides, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    return layers.Activation("relu")(x)


def pool_block(feats, pool_factor):
    h, w = feats.shape[1], feats.shape[2]
    pool_size = (int(np.round(h / pool_factor)), int(np.round(w / pool_factor)))
    x = layers.AveragePooling2D(pool_size, strides=pool_size, padding="same")(feats)
    x = conv_bn(x, 16)
    return layers.UpSampling2D(size=pool_size, interpolation="bilinear")(x)


image = keras.Input(shape=(INPUT_HEIGHT, INPUT_WIDTH, 3))
x = image
for filters in (16, 24, 32, 48):
    x = conv_bn(x, filters, strides=2)
pyramid = [x] + [pool_block(x, factor) for factor in (1, 2, 3, 6)]
x = layers.Concatenate(axis=-1)(pyramid)
x = conv_bn(x, 32)
x = layers.Conv2D(N_CLASSES, 1)(x)
x = layers.UpSampling2D(size=16, interpolation="bilinear")(x)
masks = layers.Activation("softmax")(x)
pspnet = keras.Model(image, masks)
pspnet.compile(optimizer="adam", loss="sparse_categorical_crossentropy")

rng = np.random.default_rng(58)
scenes = rng.random((4, INPUT_HEIGHT, INPUT_WIDTH, 3)).astype("float32")
labels = rng.integers(0, N_CLASSES, size=(4, INPUT_HEIGHT, INPUT_WIDTH))
pspnet.fit(scenes, labels, batch_size=2, epochs=1, verbose=0)
print(pspnet.predict(scenes[:1], verbose=0).shape)
