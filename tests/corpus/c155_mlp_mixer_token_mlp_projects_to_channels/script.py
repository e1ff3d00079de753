import numpy as np
import keras
from keras import layers

image_size = 32
patch_size = 8
num_patches = (image_size // patch_size) ** 2
hidden_dim = 32
tokens_mlp_dim = 24
channels_mlp_dim = 64
images = np.random.rand(16, 32, 32, 3).astype("float32")
labels = np.random.randint(0, 10, size=(16,))


def mixer_block(x):
    y = layers.LayerNormalization(epsilon=1e-6)(x)
    y = layers.Permute((2, 1))(y)
    y = layers.Dense(tokens_mlp_dim, activation="gelu")(y)
    y = layers.Dense(hidden_dim)(y)
    y = layers.Permute((2, 1))(y)
    x = layers.Add()([x, y])
    y = layers.LayerNormalization(epsilon=1e-6)(x)
    y = layers.Dense(channels_mlp_dim, activation="gelu")(y)
    y = layers.Dense(hidden_dim)(y)
    return layers.Add()([x, y])


inputs = keras.Input(shape=(image_size, image_size, 3))
x = layers.Conv2D(hidden_dim, kernel_size=patch_size, strides=patch_size)(inputs)
x = layers.Reshape((num_patches, hidden_dim))(x)
for _ in range(2):
    x = mixer_block(x)
x = layers.LayerNormalization(epsilon=1e-6)(x)
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(images, labels, epochs=1, batch_size=8, verbose=0)
