# Small Vision Transformer (keras-io ViT example style): images are cut into
# patches, linearly projected with a learned position embedding, passed through
# pre-norm transformer blocks (attention + MLP, each with a residual Add), then an
# MLP head gives the class logits.
import numpy as np
import keras
from keras import layers, ops

num_classes = 5
image_size = 24
patch_size = 6
num_patches = (image_size // patch_size) ** 2
projection_dim = 16
num_heads = 2
transformer_units = [projection_dim, projection_dim * 2]
transformer_layers = 2
mlp_head_units = [64, 32]


def mlp(x, hidden_units, dropout_rate):
    for units in hidden_units:
        x = layers.Dense(units, activation=keras.activations.gelu)(x)
        x = layers.Dropout(dropout_rate)(x)
    return x


class Patches(layers.Layer):
    def __init__(self, patch_size, **kwargs):
        super().__init__(**kwargs)
        self.patch_size = patch_size

    def call(self, images):
        shape = ops.shape(images)
        patches = ops.image.extract_patches(images, size=self.patch_size)
        n = (shape[1] // self.patch_size) * (shape[2] // self.patch_size)
        return ops.reshape(patches, (shape[0], n, self.patch_size * self.patch_size * shape[3]))


class PatchEncoder(layers.Layer):
    def __init__(self, num_patches, projection_dim, **kwargs):
        super().__init__(**kwargs)
        self.num_patches = num_patches
        self.projection = layers.Dense(projection_dim)
        self.position_embedding = layers.Embedding(num_patches, projection_dim)

    def call(self, patch):
        positions = ops.expand_dims(ops.arange(0, self.num_patches, 1), axis=0)
        return self.projection(patch) + self.position_embedding(positions)


def create_vit_classifier():
    images = keras.Input(shape=(image_size, image_size, 3))
    encoded = PatchEncoder(num_patches, projection_dim)(Patches(patch_size)(images))
    for _ in range(transformer_layers):
        x1 = layers.LayerNormalization(epsilon=1e-6)(encoded)
        attended = layers.MultiHeadAttention(num_heads=num_heads, key_dim=projection_dim, dropout=0.1)(x1, x1)
        x2 = layers.Add()([attended, encoded])
        x3 = layers.LayerNormalization(epsilon=1e-6)(x2)
        x3 = mlp(x3, hidden_units=transformer_units, dropout_rate=0.1)
        encoded = layers.Add()([x3, x2])
    rep = layers.LayerNormalization(epsilon=1e-6)(encoded)
    rep = layers.Dropout(0.5)(layers.Flatten()(rep))
    feats = mlp(rep, hidden_units=mlp_head_units, dropout_rate=0.5)
    return keras.Model(images, layers.Dense(num_classes)(feats))


vit = create_vit_classifier()
vit.compile(optimizer=keras.optimizers.AdamW(learning_rate=1e-3, weight_decay=1e-4),
            loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
            metrics=[keras.metrics.SparseCategoricalAccuracy(name="accuracy")])
rng = np.random.default_rng(709)
pictures = rng.random((40, image_size, image_size, 3)).astype("float32")
kinds = rng.integers(0, num_classes, size=(40, 1))
vit.fit(pictures, kinds, batch_size=8, epochs=1, verbose=0)
