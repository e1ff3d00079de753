# CaiT (Class-Attention in Image Transformers) for a small 5-class image set: patch
# embeddings go through self-attention blocks first; the CLS token only enters at
# the end, in class-attention blocks where it is the single query over [CLS, patches].
import numpy as np
import keras
from keras import layers, ops

IMAGE_SIZE, PATCH = 32, 8
NUM_PATCHES = (IMAGE_SIZE // PATCH) ** 2
DIM, HEADS = 32, 4
NUM_CLASSES = 5


class ClassAttn(layers.Layer):
    def __init__(self, dim, heads, **kwargs):
        super().__init__(**kwargs)
        self.dim, self.heads = dim, heads
        self.scale = (dim // heads) ** -0.5
        self.q, self.k, self.v = layers.Dense(dim), layers.Dense(dim), layers.Dense(dim)
        self.proj = layers.Dense(dim)

    def split_heads(self, t):
        b, n = ops.shape(t)[0], ops.shape(t)[1]
        return ops.transpose(ops.reshape(t, (b, n, self.heads, self.dim // self.heads)), (0, 2, 1, 3))

    def call(self, x):
        b = ops.shape(x)[0]
        q = self.split_heads(ops.expand_dims(self.q(x[:, 0]), 1)) * self.scale
        k, v = self.split_heads(self.k(x)), self.split_heads(self.v(x))
        attn = ops.softmax(ops.matmul(q, ops.transpose(k, (0, 1, 3, 2))), axis=-1)
        x_cls = ops.transpose(ops.matmul(attn, v), (0, 2, 1, 3))
        return self.proj(ops.reshape(x_cls, (b, 1, self.dim)))


def mlp(x, units):
    x = layers.Dense(units[0], activation="gelu")(x)
    return layers.Dense(units[1])(x)


def sa_block(name):
    patches = keras.Input((None, DIM))
    x1 = layers.LayerNormalization(epsilon=1e-6)(patches)
    att = layers.MultiHeadAttention(HEADS, DIM // HEADS)(x1, x1)
    x2 = layers.Add()([patches, att])
    x4 = mlp(layers.LayerNormalization(epsilon=1e-6)(x2), [DIM * 4, DIM])
    return keras.Model(patches, layers.Add()([x2, x4]), name=name)


def ca_block(name):
    patches = keras.Input((None, DIM))
    cls = keras.Input((None, DIM))
    tokens = layers.Concatenate(axis=1)([cls, patches])
    att = ClassAttn(DIM, HEADS)(layers.LayerNormalization(epsilon=1e-6)(tokens))
    x2 = layers.Add()([cls, att])
    x4 = mlp(layers.LayerNormalization(epsilon=1e-6)(x2), [DIM * 4, DIM])
    return keras.Model([patches, cls], layers.Add()([x2, x4]), name=name)


class CaiT(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.projection = keras.Sequential([
            layers.Conv2D(DIM, PATCH, strides=PATCH, padding="valid"),
            layers.Reshape((-1, DIM)),
        ], name="projection")
        self.cls_token = self.add_weight(shape=(1, 1, DIM), initializer="zeros", name="cls_token")
        self.pos_embed = self.add_weight(shape=(1, NUM_PATCHES, DIM), initializer="zeros", name="pos_embed")
        self.sa_blocks = [sa_block(f"sa_ffn_block_{i}") for i in range(2)]
        self.ca_blocks = [ca_block(f"ca_ffn_block_{i}") for i in range(2)]
        self.norm = layers.LayerNormalization(epsilon=1e-6)
        self.head = layers.Dense(NUM_CLASSES)

    def call(self, images):
        x = self.projection(images) + self.pos_embed
        for blk in self.sa_blocks:
            x = blk(x)
        cls_tokens = self.cls_token
        for blk in self.ca_blocks:
            cls_tokens = blk([x, cls_tokens])
        x = self.norm(ops.concatenate([cls_tokens, x], axis=1))
        return self.head(x[:, 0])


rng = np.random.default_rng(750)
images = rng.random((40, IMAGE_SIZE, IMAGE_SIZE, 3)).astype("float32")
labels = rng.integers(0, NUM_CLASSES, size=(40,))

cait = CaiT()
cait.compile(optimizer=keras.optimizers.AdamW(1e-3),
             loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
cait.fit(images, labels, batch_size=8, epochs=2, verbose=0)
print(cait.predict(images[:2], verbose=0).shape)
