import numpy as np
import keras
from keras import layers, ops

image_size = 64
num_classes = 5
batch_size = 2

rng = np.random.default_rng(3)
images = rng.uniform(size=(8, image_size, image_size, 3)).astype("float32")
masks = rng.integers(0, num_classes, size=(8, image_size, image_size, 1)).astype("float32")


class PatchEmbedding(layers.Layer):
    def __init__(self, patch_size, num_patch, embed_dim, **kwargs):
        super().__init__(**kwargs)
        self.patch_size = patch_size
        self.num_patch = num_patch
        self.proj = layers.Dense(embed_dim)
        self.pos_embed = layers.Embedding(input_dim=num_patch, output_dim=embed_dim)

    def call(self, images):
        patches = ops.image.extract_patches(images, self.patch_size)
        patches = ops.reshape(patches, (-1, self.num_patch, patches.shape[-1]))
        return self.proj(patches) + self.pos_embed(ops.arange(self.num_patch))


def transformer_layer(x, dim, num_heads):
    residual = x
    x = layers.LayerNormalization(epsilon=1e-5)(x)
    x = layers.MultiHeadAttention(num_heads=num_heads, key_dim=dim)(x, x)
    x = layers.add([x, residual])
    residual = x
    x = layers.LayerNormalization(epsilon=1e-5)(x)
    x = layers.Dense(dim * 2, activation="gelu")(x)
    x = layers.Dense(dim)(x)
    return layers.add([x, residual])


def segmentation_transformer(patch_size=8, dim=32, num_heads=2, depth=2):
    inputs = layers.Input(shape=(image_size, image_size, 3))
    grid = image_size // patch_size
    x = PatchEmbedding(patch_size, grid * grid, dim)(inputs)
    for _ in range(depth):
        x = transformer_layer(x, dim, num_heads)
    x = layers.Reshape((grid, grid, dim))(x)
    for _ in range(4):  # progressive upsampling: H/16 -> H/8 -> H/4 -> H/2 -> H
        x = layers.Conv2D(dim, 3, padding="same", activation="relu")(x)
        x = layers.UpSampling2D(size=(2, 2), interpolation="bilinear")(x)
    outputs = layers.Conv2D(num_classes, kernel_size=1, padding="same")(x)
    return keras.Model(inputs, outputs)


model = segmentation_transformer()
model.compile(
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    optimizer=keras.optimizers.AdamW(learning_rate=1e-3, weight_decay=1e-4),
    metrics=["accuracy"],
)
history = model.fit(images, masks, batch_size=batch_size, epochs=1, verbose=0)
print("loss:", history.history["loss"])
