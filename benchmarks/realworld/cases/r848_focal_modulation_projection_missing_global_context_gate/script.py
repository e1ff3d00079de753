import numpy as np
import tensorflow as tf
import keras
from keras import layers

IMAGE_SIZE = 32
PATCH_SIZE = 4
EMBED_DIM = 32
NUM_CLASSES = 10

rng = np.random.default_rng(848)
x_train = rng.random((48, IMAGE_SIZE, IMAGE_SIZE, 3)).astype("float32")
y_train = rng.integers(0, NUM_CLASSES, size=(48,))


def MLP(in_features, hidden_features=None, out_features=None, mlp_drop_rate=0.0):
    hidden_features = hidden_features or in_features
    out_features = out_features or in_features
    return keras.Sequential(
        [
            layers.Dense(units=hidden_features, activation=keras.activations.gelu),
            layers.Dense(units=out_features),
            layers.Dropout(rate=mlp_drop_rate),
        ]
    )


class FocalModulationLayer(layers.Layer):
    def __init__(self, dim, focal_window, focal_level, focal_factor=2, **kwargs):
        super().__init__(**kwargs)
        self.dim = dim
        self.focal_window = focal_window
        self.focal_level = focal_level
        self.focal_factor = focal_factor
        # query, context and one gate per focal level
        self.initial_proj = layers.Dense(units=(2 * self.dim) + self.focal_level)
        self.focal_layers = []
        for idx in range(self.focal_level):
            kernel_size = (self.focal_factor * idx) + self.focal_window
            self.focal_layers.append(
                keras.Sequential(
                    [
                        layers.ZeroPadding2D(padding=(kernel_size // 2, kernel_size // 2)),
                        layers.Conv2D(self.dim, kernel_size, activation="gelu",
                                      groups=self.dim, use_bias=False),
                    ]
                )
            )
        self.gap = layers.GlobalAveragePooling2D(keepdims=True)
        self.modulator_proj = layers.Conv2D(self.dim, kernel_size=(1, 1))
        self.proj = layers.Dense(units=self.dim)

    def call(self, x):
        x_proj = self.initial_proj(x)
        query, context, gates = tf.split(
            x_proj, num_or_size_splits=[self.dim, self.dim, self.focal_level + 1], axis=-1
        )
        context = self.focal_layers[0](context)
        context_all = context * gates[..., 0:1]
        for idx in range(1, self.focal_level):
            context = self.focal_layers[idx](context)
            context_all += context * gates[..., idx : idx + 1]
        context_global = keras.activations.gelu(self.gap(context))
        context_all += context_global * gates[..., self.focal_level :]
        modulator = self.modulator_proj(context_all)
        return self.proj(query * modulator)


class FocalModulationBlock(layers.Layer):
    def __init__(self, dim, mlp_ratio=4.0, focal_level=2, focal_window=3, **kwargs):
        super().__init__(**kwargs)
        self.norm1 = layers.LayerNormalization(epsilon=1e-5)
        self.norm2 = layers.LayerNormalization(epsilon=1e-5)
        self.modulation = FocalModulationLayer(dim, focal_window, focal_level)
        self.mlp = MLP(dim, int(dim * mlp_ratio))

    def call(self, x):
        x = x + self.modulation(self.norm1(x))
        return x + self.mlp(self.norm2(x))


inputs = keras.Input(shape=(IMAGE_SIZE, IMAGE_SIZE, 3))
x = layers.Conv2D(EMBED_DIM, kernel_size=PATCH_SIZE, strides=PATCH_SIZE)(inputs)
x = layers.LayerNormalization(epsilon=1e-7)(x)
x = FocalModulationBlock(EMBED_DIM)(x)
x = FocalModulationBlock(EMBED_DIM)(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(NUM_CLASSES)(x)
model = keras.Model(inputs, outputs)

model.compile(
    optimizer=keras.optimizers.AdamW(learning_rate=1e-3),
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=["accuracy"],
)
model.fit(x_train, y_train, batch_size=16, epochs=1, verbose=0)
print("trained")
