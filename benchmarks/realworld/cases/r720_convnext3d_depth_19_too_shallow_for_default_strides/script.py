# ConvNeXt-style 3-D classifier for CT volumes (height, width, slices, channels), built by
# a small factory in the spirit of 3-D model zoos: a stride-4 patchify stem, then stages
# separated by 2x2x2 stride-2 downsampling convolutions. Each scan here has 19 slices.
import numpy as np
import keras
from keras import layers

VOLUME_SHAPE = (64, 64, 19, 1)
N_CLASSES = 3


def convnext_block(x, width):
    shortcut = x
    x = layers.Conv3D(width, 3, padding="same", groups=width)(x)
    x = layers.LayerNormalization(epsilon=1e-6)(x)
    x = layers.Dense(4 * width, activation="gelu")(x)
    x = layers.Dense(width)(x)
    return layers.Add()([shortcut, x])


def build_convnext3d(input_shape, widths=(8, 16, 32, 64), stride_size=(2, 2, 2), classes=N_CLASSES):
    inputs = keras.Input(shape=input_shape)
    x = layers.Conv3D(widths[0], 4, strides=4)(inputs)
    x = layers.LayerNormalization(epsilon=1e-6)(x)
    for stage, width in enumerate(widths):
        if stage > 0:
            x = layers.LayerNormalization(epsilon=1e-6)(x)
            x = layers.Conv3D(width, stride_size, strides=stride_size)(x)
        x = convnext_block(x, width)
    x = layers.GlobalAveragePooling3D()(x)
    x = layers.LayerNormalization(epsilon=1e-6)(x)
    outputs = layers.Dense(classes, activation="softmax")(x)
    return keras.Model(inputs, outputs)


model = build_convnext3d(VOLUME_SHAPE)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
rng = np.random.default_rng(20)
scans = rng.normal(size=(12,) + VOLUME_SHAPE).astype("float32")
findings = rng.integers(0, N_CLASSES, size=12)
model.fit(scans, findings, batch_size=4, epochs=1, verbose=0)
print(model.predict(scans[:2], verbose=0).shape)
