import numpy as np
import keras
from keras import layers

RESOLUTION = 48
MODEL_CONFIG = {"image_size": 64, "patch_size": 8, "projection_dim": 32, "num_classes": 5}


def vit_classifier(config):
    num_patches = (config["image_size"] // config["patch_size"]) ** 2
    inputs = keras.Input((RESOLUTION, RESOLUTION, 3))
    x = layers.Rescaling(1 / 255.0)(inputs)
    x = layers.Conv2D(
        config["projection_dim"],
        kernel_size=config["patch_size"],
        strides=config["patch_size"],
        padding="valid",
    )(x)
    x = layers.Reshape((num_patches, config["projection_dim"]))(x)
    x = layers.LayerNormalization(epsilon=1e-6)(x)
    x = layers.MultiHeadAttention(num_heads=2, key_dim=16)(x, x)
    x = layers.GlobalAveragePooling1D()(x)
    outputs = layers.Dense(config["num_classes"], activation="softmax")(x)
    return keras.Model(inputs, outputs)


model = vit_classifier(MODEL_CONFIG)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
images = np.random.randint(0, 256, size=(8, RESOLUTION, RESOLUTION, 3)).astype("float32")
labels = np.random.randint(0, 5, size=(8,))
model.fit(images, labels, batch_size=4, epochs=1, verbose=0)
