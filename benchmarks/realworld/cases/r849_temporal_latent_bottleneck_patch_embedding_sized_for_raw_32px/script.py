import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

config = {
    "batch_size": 16,
    "input_shape": [32, 32, 3],
    "image_size": 48,
    "num_classes": 10,
    "learning_rate": 1e-3,
    "weight_decay": 1e-4,
    "epochs": 1,
    "patch_size": 4,
    "embed_dim": 32,
    "chunk_size": 8,
}

rng = np.random.default_rng(849)
x_train = rng.integers(0, 256, size=(48, 32, 32, 3)).astype("uint8")
y_train = rng.integers(0, config["num_classes"], size=(48, 1))
AUTO = tf.data.AUTOTUNE

train_augmentation = keras.Sequential(
    [
        layers.Rescaling(1 / 255.0),
        layers.Resizing(config["input_shape"][0] + 20, config["input_shape"][0] + 20),
        layers.RandomCrop(config["image_size"], config["image_size"]),
        layers.RandomFlip("horizontal"),
    ],
    name="train_data_augmentation",
)


def train_map_fn(image, label):
    return train_augmentation(image), label


train_ds = (
    tf.data.Dataset.from_tensor_slices((x_train, y_train))
    .map(train_map_fn, num_parallel_calls=AUTO)
    .shuffle(64)
    .batch(config["batch_size"])
    .prefetch(AUTO)
)


class PatchEmbedding(layers.Layer):
    def __init__(self, image_size, patch_size, embed_dim, chunk_size, **kwargs):
        super().__init__(**kwargs)
        patch_resolution = [image_size[0] // patch_size[0], image_size[1] // patch_size[1]]
        self.num_patches = patch_resolution[0] * patch_resolution[1]
        self.projection = layers.Conv2D(embed_dim, kernel_size=patch_size, strides=patch_size)
        self.flatten = layers.Reshape(target_shape=(-1, embed_dim))
        self.position_embedding = layers.Embedding(input_dim=self.num_patches, output_dim=embed_dim)
        self.layernorm = layers.LayerNormalization(epsilon=1e-5)
        self.chunking_layer = layers.Reshape(
            target_shape=(self.num_patches // chunk_size, chunk_size, embed_dim)
        )

    def call(self, inputs):
        x = self.projection(inputs)
        x = self.flatten(x)
        x = x + self.position_embedding(ops.arange(self.num_patches))
        x = self.layernorm(x)
        return self.chunking_layer(x)


class ChunkMixer(layers.Layer):
    """Fast stream inside each chunk (self-attention + FFN)."""

    def __init__(self, dims, **kwargs):
        super().__init__(**kwargs)
        self.mha = layers.MultiHeadAttention(num_heads=1, key_dim=dims)
        self.norm = layers.LayerNormalization(epsilon=1e-5)
        self.ffn = keras.Sequential([layers.Dense(4 * dims, activation="gelu"), layers.Dense(dims)])

    def call(self, chunk):
        x = chunk + self.mha(chunk, chunk)
        return x + self.ffn(self.norm(x))


class TemporalLatentBottleneckModel(keras.Model):
    def __init__(self, patch_layer, dims, num_classes, **kwargs):
        super().__init__(**kwargs)
        self.patch_layer = patch_layer
        self.fast_stream = layers.TimeDistributed(ChunkMixer(dims))
        self.summarize = layers.TimeDistributed(layers.GlobalAveragePooling1D())
        self.slow_stream = layers.GRU(dims, name="slow_stream")
        self.head = layers.Dense(num_classes, activation="softmax", name="head")

    def call(self, inputs):
        x = self.patch_layer(inputs)
        x = self.fast_stream(x)
        x = self.summarize(x)
        x = self.slow_stream(x)
        return self.head(x)


patch_layer = PatchEmbedding(
    image_size=(config["input_shape"][0], config["input_shape"][1]),
    patch_size=(config["patch_size"], config["patch_size"]),
    embed_dim=config["embed_dim"],
    chunk_size=config["chunk_size"],
)
model = TemporalLatentBottleneckModel(patch_layer, config["embed_dim"], config["num_classes"])
model.compile(
    optimizer=keras.optimizers.AdamW(
        learning_rate=config["learning_rate"], weight_decay=config["weight_decay"]
    ),
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)
history = model.fit(train_ds, epochs=config["epochs"], verbose=0)
print("loss:", history.history["loss"][-1])
