import numpy as np
import tensorflow as tf
import keras
from keras import layers

# CIFAR-100 stand-in: 32 x 32 RGB images, one-hot labels
num_classes = 100
input_shape = (32, 32, 3)
x_train = np.random.rand(64, 32, 32, 3).astype("float32")
y_train = keras.utils.to_categorical(np.random.randint(0, num_classes, (64, 1)), num_classes)
x_test = np.random.rand(50, 32, 32, 3).astype("float32")
y_test = keras.utils.to_categorical(np.random.randint(0, num_classes, (50, 1)), num_classes)

patch_size = (2, 2)
num_heads = 8
embed_dim = 64
num_mlp = 256
window_size = 2
num_patch_x = input_shape[0] // patch_size[0]
num_patch_y = input_shape[1] // patch_size[1]
learning_rate = 1e-4
batch_size = 32
num_epochs = 1


def window_partition(x, window_size):
    _, H, W, C = x.get_shape().as_list()
    x = tf.reshape(x, shape=(-1, H // window_size, window_size, W // window_size, window_size, C))
    x = tf.transpose(x, (0, 1, 3, 2, 4, 5))
    return tf.reshape(x, shape=(-1, window_size, window_size, C))


def window_reverse(windows, window_size, H, W, C):
    x = tf.reshape(windows, shape=(-1, H // window_size, W // window_size, window_size, window_size, C))
    x = tf.transpose(x, perm=(0, 1, 3, 2, 4, 5))
    return tf.reshape(x, shape=(-1, H, W, C))


class SwinBlock(layers.Layer):
    """Window multi-head self-attention + MLP (no shift, no relative position bias)."""

    def __init__(self, dim, num_patch, num_heads, window_size, num_mlp):
        super().__init__()
        self.dim, self.num_patch, self.num_heads, self.window_size = dim, num_patch, num_heads, window_size
        self.norm1 = layers.LayerNormalization(epsilon=1e-5)
        self.qkv = layers.Dense(dim * 3)
        self.proj = layers.Dense(dim)
        self.norm2 = layers.LayerNormalization(epsilon=1e-5)
        self.mlp = keras.Sequential([layers.Dense(num_mlp, activation="gelu"), layers.Dense(dim)])

    def call(self, x):
        H, W = self.num_patch
        C = self.dim
        x_skip = x
        x = tf.reshape(self.norm1(x), shape=(-1, H, W, C))
        windows = tf.reshape(window_partition(x, self.window_size), (-1, self.window_size ** 2, C))
        N, head_dim = self.window_size ** 2, C // self.num_heads
        qkv = tf.transpose(tf.reshape(self.qkv(windows), (-1, N, 3, self.num_heads, head_dim)), (2, 0, 3, 1, 4))
        q, k, v = qkv[0] * head_dim ** -0.5, qkv[1], qkv[2]
        attn = keras.activations.softmax(q @ tf.transpose(k, (0, 1, 3, 2)), axis=-1)
        out = tf.reshape(tf.transpose(attn @ v, (0, 2, 1, 3)), (-1, N, C))
        out = tf.reshape(self.proj(out), (-1, self.window_size, self.window_size, C))
        x = tf.reshape(window_reverse(out, self.window_size, H, W, C), (-1, H * W, C)) + x_skip
        return x + self.mlp(self.norm2(x))


class PatchExtract(layers.Layer):
    def __init__(self, patch_size):
        super().__init__()
        self.patch_size_x = patch_size[0]
        self.patch_size_y = patch_size[0]

    def call(self, images):
        patches = tf.image.extract_patches(
            images=images,
            sizes=(1, self.patch_size_x, self.patch_size_y, 1),
            strides=(1, self.patch_size_x, self.patch_size_y, 1),
            rates=(1, 1, 1, 1),
            padding="VALID",
        )
        patch_dim = patches.shape[-1]
        patch_num = patches.shape[1]
        return tf.reshape(patches, (batch_size, patch_num * patch_num, patch_dim))


class PatchEmbedding(layers.Layer):
    def __init__(self, num_patch, embed_dim):
        super().__init__()
        self.num_patch = num_patch
        self.proj = layers.Dense(embed_dim)
        self.pos_embed = layers.Embedding(input_dim=num_patch, output_dim=embed_dim)

    def call(self, patch):
        pos = tf.range(start=0, limit=self.num_patch, delta=1)
        return self.proj(patch) + self.pos_embed(pos)


class PatchMerging(layers.Layer):
    def __init__(self, num_patch, embed_dim):
        super().__init__()
        self.num_patch = num_patch
        self.linear_trans = layers.Dense(2 * embed_dim, use_bias=False)

    def call(self, x):
        H, W = self.num_patch
        C = x.get_shape().as_list()[-1]
        x = tf.reshape(x, shape=(-1, H, W, C))
        x = tf.concat((x[:, 0::2, 0::2, :], x[:, 1::2, 0::2, :], x[:, 0::2, 1::2, :], x[:, 1::2, 1::2, :]), axis=-1)
        x = tf.reshape(x, shape=(-1, (H // 2) * (W // 2), 4 * C))
        return self.linear_trans(x)


input = layers.Input(input_shape)
x = PatchExtract(patch_size)(input)
x = PatchEmbedding(num_patch_x * num_patch_y, embed_dim)(x)
x = SwinBlock(embed_dim, (num_patch_x, num_patch_y), num_heads, window_size, num_mlp)(x)
x = PatchMerging((num_patch_x, num_patch_y), embed_dim=embed_dim)(x)
x = layers.GlobalAveragePooling1D()(x)
output = layers.Dense(num_classes, activation="softmax")(x)

model = keras.Model(input, output)
model.compile(
    loss=keras.losses.categorical_crossentropy,
    optimizer=keras.optimizers.Adam(learning_rate=learning_rate, clipvalue=0.5),
    metrics=[keras.metrics.CategoricalAccuracy(name="accuracy"),
             keras.metrics.TopKCategoricalAccuracy(5, name="top-5-accuracy")],
)
history = model.fit(x_train, y_train, batch_size=batch_size, epochs=num_epochs, verbose=0)

loss, accuracy, top_5_accuracy = model.evaluate(x_test, y_test, verbose=0)
print(f"Test loss: {round(loss, 2)}")
print(f"Test accuracy: {round(accuracy * 100, 2)}%")
