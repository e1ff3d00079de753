import numpy as np
import tensorflow as tf
import keras
from keras import layers


class Config:
    num_classes = 10
    input_shape = (32, 32, 3)
    image_size = 32
    patch_size = 4
    projected_dim = 48
    num_shift_blocks_per_stages = [1, 1]
    epsilon = 1e-5
    stochastic_depth_rate = 0.2
    mlp_dropout_rate = 0.2
    num_div = 12
    shift_pixel = 1
    mlp_expand_ratio = 2


config = Config()
rng = np.random.default_rng(844)
x_train = rng.random((32, 32, 32, 3)).astype("float32")
y_train = rng.integers(0, config.num_classes, size=(32,))


class MLP(layers.Layer):
    def __init__(self, mlp_expand_ratio, mlp_dropout_rate, **kwargs):
        super().__init__(**kwargs)
        self.mlp_expand_ratio = mlp_expand_ratio
        self.mlp_dropout_rate = mlp_dropout_rate

    def build(self, input_shape):
        input_channels = input_shape[-1]
        initial_filters = int(self.mlp_expand_ratio * input_channels)
        self.mlp = keras.Sequential(
            [
                layers.Dense(units=initial_filters, activation="gelu"),
                layers.Dropout(rate=self.mlp_dropout_rate),
                layers.Dense(units=initial_filters),
                layers.Dropout(rate=self.mlp_dropout_rate),
            ]
        )

    def call(self, x):
        return self.mlp(x)


class ShiftViTBlock(layers.Layer):
    def __init__(self, epsilon, mlp_dropout_rate, num_div=12, shift_pixel=1,
                 mlp_expand_ratio=2, **kwargs):
        super().__init__(**kwargs)
        self.shift_pixel = shift_pixel
        self.mlp_expand_ratio = mlp_expand_ratio
        self.mlp_dropout_rate = mlp_dropout_rate
        self.num_div = num_div
        self.epsilon = epsilon

    def build(self, input_shape):
        self.H, self.W, self.C = input_shape[1], input_shape[2], input_shape[3]
        self.layer_norm = layers.LayerNormalization(epsilon=self.epsilon)
        self.mlp = MLP(self.mlp_expand_ratio, self.mlp_dropout_rate)

    def get_shift_pad(self, x, mode):
        p = self.shift_pixel
        if mode == "left":
            crop = tf.image.crop_to_bounding_box(x, 0, 0, self.H, self.W - p)
            return tf.image.pad_to_bounding_box(crop, 0, 0, self.H, self.W)
        if mode == "right":
            crop = tf.image.crop_to_bounding_box(x, 0, p, self.H, self.W - p)
            return tf.image.pad_to_bounding_box(crop, 0, p, self.H, self.W)
        if mode == "up":
            crop = tf.image.crop_to_bounding_box(x, 0, 0, self.H - p, self.W)
            return tf.image.pad_to_bounding_box(crop, 0, 0, self.H, self.W)
        crop = tf.image.crop_to_bounding_box(x, p, 0, self.H - p, self.W)
        return tf.image.pad_to_bounding_box(crop, p, 0, self.H, self.W)

    def call(self, x, training=False):
        x_splits = tf.split(x, num_or_size_splits=self.C // self.num_div, axis=-1)
        x_splits[0] = self.get_shift_pad(x_splits[0], mode="left")
        x_splits[1] = self.get_shift_pad(x_splits[1], mode="right")
        x_splits[2] = self.get_shift_pad(x_splits[2], mode="up")
        x_splits[3] = self.get_shift_pad(x_splits[3], mode="down")
        x = tf.concat(x_splits, axis=-1)
        shortcut = x
        x = shortcut + self.mlp(self.layer_norm(x), training=training)
        return x


class PatchMerging(layers.Layer):
    def __init__(self, epsilon, **kwargs):
        super().__init__(**kwargs)
        self.epsilon = epsilon

    def build(self, input_shape):
        self.reduction = layers.Conv2D(2 * input_shape[-1], kernel_size=2, strides=2,
                                       padding="same", use_bias=False)
        self.layer_norm = layers.LayerNormalization(epsilon=self.epsilon)

    def call(self, x):
        return self.reduction(self.layer_norm(x))


inputs = keras.Input(shape=config.input_shape)
x = layers.Rescaling(1 / 255.0)(inputs)
x = layers.Conv2D(config.projected_dim, kernel_size=config.patch_size,
                  strides=config.patch_size, padding="same")(x)
for stage, depth in enumerate(config.num_shift_blocks_per_stages):
    for _ in range(depth):
        x = ShiftViTBlock(config.epsilon, config.mlp_dropout_rate, config.num_div,
                          config.shift_pixel, config.mlp_expand_ratio)(x)
    if stage < len(config.num_shift_blocks_per_stages) - 1:
        x = PatchMerging(config.epsilon)(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(config.num_classes)(x)
model = keras.Model(inputs, outputs)

model.compile(
    optimizer="adam",
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=["accuracy"],
)
model.fit(x_train, y_train, batch_size=16, epochs=1, verbose=0)
print("done")
