import numpy as np
from tensorflow import keras
from tensorflow.keras import layers


def activation_block(x):
    x = layers.Activation("gelu")(x)
    return layers.BatchNormalization()(x)


def conv_stem(x, filters, patch_size):
    x = layers.Conv2D(filters, kernel_size=patch_size, strides=patch_size)(x)
    return activation_block(x)


def conv_mixer_block(x, filters, kernel_size):
    # Depthwise convolution.
    x0 = x
    x = layers.Conv2D(filters, kernel_size=kernel_size, groups=filters, padding="same")(x)
    x = layers.Add()([activation_block(x), x0])  # Residual.
    # Pointwise convolution.
    x = layers.Conv2D(filters, kernel_size=1)(x)
    return activation_block(x)


def get_conv_mixer(image_size=32, filters=32, depth=2, kernel_size=5, patch_size=2, num_classes=10):
    inputs = keras.Input((image_size, image_size, 3))
    x = layers.Rescaling(scale=1.0 / 255)(inputs)
    x = conv_stem(x, filters, patch_size)
    for _ in range(depth):
        x = conv_mixer_block(x, filters, kernel_size)
    x = layers.GlobalAvgPool2D()(x)
    outputs = layers.Dense(num_classes, activation="softmax")(x)
    return keras.Model(inputs, outputs)


x_train = np.random.randint(0, 256, size=(32, 32, 32, 3)).astype("float32")
y_train = np.random.randint(0, 10, size=(32, 1))
model = get_conv_mixer()
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=16, epochs=1, verbose=0)
_, accuracy = model.evaluate(x_train, y_train, verbose=0)
patch_embeddings = model.layers[2].get_weights()[0]
print(patch_embeddings.shape, round(accuracy, 2))
