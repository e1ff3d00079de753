import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(975)


def conv_bn_relu(x, filters, strides=1):
    x = layers.Conv2D(filters, 3, strides=strides, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    return layers.ReLU()(x)


def residual_block(x, filters, strides=1):
    shortcut = x
    y = conv_bn_relu(x, filters, strides)
    y = layers.Conv2D(filters, 3, padding="same", use_bias=False)(y)
    y = layers.BatchNormalization()(y)
    if strides != 1 or shortcut.shape[-1] != filters:
        shortcut = layers.Conv2D(filters, 1, strides=strides, use_bias=False)(shortcut)
        shortcut = layers.BatchNormalization()(shortcut)
    return layers.ReLU()(layers.Add()([y, shortcut]))


def ResNet18(input_shape, include_top=True, classes=1000):
    inp = keras.Input(shape=input_shape)
    x = conv_bn_relu(inp, 16, strides=2)
    for filters, strides in ((16, 1), (32, 2), (64, 2)):
        x = residual_block(x, filters, strides)
        x = residual_block(x, filters)
    if include_top:
        x = layers.GlobalAveragePooling2D()(x)
        x = layers.Dense(classes, activation="softmax")(x)
    return keras.Model(inp, x, name="resnet18")


# prepare your data
n_classes = 10
X = rng.uniform(0, 1, size=(64, 56, 56, 3)).astype("float32")
y = keras.utils.to_categorical(rng.integers(0, n_classes, size=64), n_classes)

# build model
base_model = ResNet18(input_shape=(56, 56, 3), include_top=False)
x = layers.AveragePooling2D((7, 7))(base_model.output)
x = layers.Dropout(0.3)(x)
output = layers.Dense(n_classes, activation="softmax")(x)
model = keras.Model(inputs=[base_model.input], outputs=[output])

# train
model.compile(optimizer="SGD", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(X, y, batch_size=16, epochs=1, verbose=0)
print("probabilities:", model.predict(X[:2], verbose=0).shape)
