import numpy as np
import keras
from keras import layers, ops

image_size = 32
patch_size = 8
num_patches = image_size // patch_size
projection_dim = 16
num_classes = 10


class Patches(layers.Layer):
    def __init__(self, patch_size):
        super().__init__()
        self.patch_size = patch_size

    def call(self, images):
        batch_size = ops.shape(images)[0]
        patches = keras.ops.image.extract_patches(images, size=self.patch_size)
        return ops.reshape(patches, (batch_size, -1, self.patch_size * self.patch_size * 3))


class PatchEncoder(layers.Layer):
    def __init__(self, num_patches, projection_dim):
        super().__init__()
        self.num_patches = num_patches
        self.projection = layers.Dense(units=projection_dim)
        self.position_embedding = layers.Embedding(input_dim=num_patches, output_dim=projection_dim)

    def call(self, patch):
        positions = ops.expand_dims(ops.arange(start=0, stop=self.num_patches, step=1), axis=0)
        return self.projection(patch) + self.position_embedding(positions)


inputs = keras.Input(shape=(image_size, image_size, 3))
patches = Patches(patch_size)(inputs)
encoded_patches = PatchEncoder(num_patches, projection_dim)(patches)
x1 = layers.LayerNormalization(epsilon=1e-6)(encoded_patches)
attention_output = layers.MultiHeadAttention(num_heads=2, key_dim=projection_dim)(x1, x1)
x2 = layers.Add()([attention_output, encoded_patches])
representation = layers.Flatten()(layers.LayerNormalization(epsilon=1e-6)(x2))
logits = layers.Dense(num_classes)(representation)
model = keras.Model(inputs=inputs, outputs=logits)
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit(np.random.rand(16, 32, 32, 3).astype("float32"), np.random.randint(0, 10, size=(16, 1)), batch_size=8, epochs=1, verbose=0)
