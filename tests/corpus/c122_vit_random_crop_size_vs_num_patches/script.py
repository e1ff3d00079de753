import numpy as np
import keras
from keras import layers

INPUT_SHAPE = (32, 32, 3)
IMAGE_SIZE = 24
PATCH_SIZE = 4
NUM_PATCHES = (IMAGE_SIZE // PATCH_SIZE) ** 2
PROJECTION_DIM = 32


class Patches(layers.Layer):
    def __init__(self, patch_size):
        super().__init__()
        self.patch_size = patch_size

    def call(self, images):
        patches = keras.ops.image.extract_patches(images, self.patch_size)
        batch = keras.ops.shape(patches)[0]
        return keras.ops.reshape(patches, (batch, -1, patches.shape[-1]))


class PatchEncoder(layers.Layer):
    def __init__(self, num_patches, projection_dim):
        super().__init__()
        self.num_patches = num_patches
        self.projection = layers.Dense(projection_dim)
        self.position_embedding = layers.Embedding(num_patches, projection_dim)

    def call(self, patch):
        positions = keras.ops.arange(0, self.num_patches)
        return self.projection(patch) + self.position_embedding(positions)


augmentation = keras.Sequential(
    [
        layers.Rescaling(1 / 255.0),
        layers.RandomCrop(INPUT_SHAPE[0] - 4, INPUT_SHAPE[1] - 4),
        layers.RandomFlip("horizontal"),
    ]
)

inputs = keras.Input(INPUT_SHAPE)
augmented = augmentation(inputs)
patches = Patches(PATCH_SIZE)(augmented)
encoded = PatchEncoder(NUM_PATCHES, PROJECTION_DIM)(patches)
x = layers.LayerNormalization(epsilon=1e-6)(encoded)
x = layers.MultiHeadAttention(num_heads=2, key_dim=PROJECTION_DIM)(x, x)
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
images = np.random.randint(0, 256, size=(8, 32, 32, 3)).astype("float32")
labels = np.random.randint(0, 10, size=(8,))
model.fit(images, labels, batch_size=4, epochs=1, verbose=0)
