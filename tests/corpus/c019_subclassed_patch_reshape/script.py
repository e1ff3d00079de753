import numpy as np
import keras
from keras import layers


class TinyViT(keras.Model):
    def __init__(self, patch_size=4, dim=64, num_classes=10):
        super().__init__()
        self.patchify = layers.Conv2D(dim, patch_size, strides=patch_size)
        self.to_tokens = layers.Reshape((16, dim))
        self.norm = layers.LayerNormalization()
        self.attn = layers.MultiHeadAttention(num_heads=2, key_dim=16)
        self.pool = layers.GlobalAveragePooling1D()
        self.head = layers.Dense(num_classes)

    def call(self, images):
        x = self.patchify(images)
        x = self.to_tokens(x)
        x = self.norm(x)
        x = self.attn(x, x)
        x = self.pool(x)
        return self.head(x)


model = TinyViT()
batch = np.random.rand(2, 32, 32, 3).astype("float32")
print(model(batch).shape)
