import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

num_classes = 10
input_shape = (32, 32, 3)
x_train = np.random.rand(64, 32, 32, 3).astype("float32")
y_train = keras.utils.to_categorical(np.random.randint(0, num_classes, 64), num_classes)

patch_size = 2  # size of the patches extracted from the input images
num_patches = (input_shape[0] // patch_size) ** 2  # number of patches per image
embedding_dim = 32
mlp_dim = 32
dim_coefficient = 4
num_heads = 4


class PatchExtract(layers.Layer):
    def __init__(self, patch_size, **kwargs):
        super().__init__(**kwargs)
        self.patch_size = patch_size

    def call(self, images):
        batch_size = tf.shape(images)[0]
        patches = tf.image.extract_patches(
            images=images,
            sizes=(1, self.patch_size, self.patch_size, 1),
            strides=(1, self.patch_size, self.patch_size, 1),
            rates=(1, 1, 1, 1),
            padding="VALID",
        )
        patch_dim = patches.shape[-1]
        patch_num = patches.shape[1]
        return tf.reshape(patches, (batch_size, patch_num * patch_num, patch_dim))


class PatchEmbedding(layers.Layer):
    def __init__(self, num_patch, embed_dim, **kwargs):
        super().__init__(**kwargs)
        self.num_patch = num_patch
        self.proj = layers.Dense(embed_dim)
        self.pos_embed = layers.Embedding(input_dim=num_patch, output_dim=embed_dim)

    def call(self, patch):
        pos = tf.range(start=0, limit=self.num_patch, delta=1)
        return self.proj(patch) + self.pos_embed(pos)


def external_attention(x, dim, num_heads, dim_coefficient=4):
    _, num_patch, channel = x.shape
    num_heads = num_heads * dim_coefficient
    x = layers.Dense(dim * dim_coefficient)(x)
    x = ops.reshape(x, (-1, num_patch, num_heads, dim * dim_coefficient // num_heads))
    x = ops.transpose(x, axes=[0, 2, 1, 3])
    attn = layers.Dense(dim // dim_coefficient)(x)
    attn = layers.Softmax(axis=2)(attn)
    attn = attn / (1e-9 + ops.sum(attn, axis=-1, keepdims=True))
    x = layers.Dense(dim * dim_coefficient // num_heads)(attn)
    x = ops.transpose(x, axes=[0, 2, 1, 3])
    x = ops.reshape(x, (-1, num_patch, dim * dim_coefficient))
    return layers.Dense(dim)(x)


def transformer_encoder(x):
    residual_1 = x
    x = layers.LayerNormalization(epsilon=1e-5)(x)
    x = external_attention(x, embedding_dim, num_heads, dim_coefficient)
    x = layers.add([x, residual_1])
    residual_2 = x
    x = layers.LayerNormalization(epsilon=1e-5)(x)
    x = layers.Dense(mlp_dim, activation="gelu")(x)
    x = layers.Dense(embedding_dim)(x)
    return layers.add([x, residual_2])


inputs = layers.Input(shape=input_shape)
x = PatchExtract(patch_size)(inputs)
x = PatchEmbedding(num_patches, embedding_dim)(x)
x = transformer_encoder(x)
x = layers.GlobalAvgPool1D()(x)
outputs = layers.Dense(num_classes, activation="softmax")(x)
model = keras.Model(inputs=inputs, outputs=outputs)
model.compile(loss=keras.losses.CategoricalCrossentropy(label_smoothing=0.1), optimizer="adam")
model.fit(x_train, y_train, batch_size=16, epochs=1, verbose=0)

x_test = np.random.rand(8, 32, 32, 3).astype("float32")
y_test = keras.utils.to_categorical(np.random.randint(0, num_classes, 8), num_classes)
loss = model.evaluate(x_test, y_test, verbose=0)
probs = model.predict(x_test[:1], verbose=0)
print(loss, probs.shape)
