import numpy as np
import tensorflow as tf
import keras


class Involution(keras.layers.Layer):
    """Position-specific, channel-agnostic kernels generated from the input itself."""

    def __init__(self, channel, group_number, kernel_size, stride, reduction_ratio, name):
        super().__init__(name=name)
        self.channel = channel
        self.group_number = group_number
        self.kernel_size = kernel_size
        self.stride = stride
        self.reduction_ratio = reduction_ratio

    def build(self, input_shape):
        (_, height, width, num_channels) = input_shape
        height = height // self.stride
        width = width // self.stride
        self.stride_layer = (
            keras.layers.AveragePooling2D(pool_size=self.stride, strides=self.stride, padding="same")
            if self.stride > 1
            else tf.identity
        )
        self.kernel_gen = keras.Sequential(
            [
                keras.layers.Conv2D(filters=self.channel // self.reduction_ratio, kernel_size=1),
                keras.layers.BatchNormalization(),
                keras.layers.ReLU(),
                keras.layers.Conv2D(filters=self.kernel_size * self.kernel_size * self.group_number, kernel_size=1),
            ]
        )
        self.kernel_reshape = keras.layers.Reshape(
            target_shape=(height, width, self.kernel_size * self.kernel_size, 1, self.group_number)
        )
        self.input_patches_reshape = keras.layers.Reshape(
            target_shape=(
                height,
                width,
                self.kernel_size * self.kernel_size,
                num_channels // self.group_number,
                self.group_number,
            )
        )
        self.output_reshape = keras.layers.Reshape(target_shape=(height, width, num_channels))

    def call(self, x):
        kernel_input = self.stride_layer(x)
        kernel = self.kernel_gen(kernel_input)  # B, H, W, K*K*G
        kernel = self.kernel_reshape(kernel)  # B, H, W, K*K, 1, G
        input_patches = tf.image.extract_patches(
            images=x,
            sizes=[1, self.kernel_size, self.kernel_size, 1],
            strides=[1, self.stride, self.stride, 1],
            rates=[1, 1, 1, 1],
            padding="SAME",
        )  # B, H, W, K*K*C
        input_patches = self.input_patches_reshape(input_patches)  # B, H, W, K*K, C//G, G
        output = tf.multiply(kernel, input_patches)
        output = tf.reduce_sum(output, axis=3)  # B, H, W, C//G, G
        output = self.output_reshape(output)  # B, H, W, C
        return output, kernel


# CIFAR-10-like images and integer labels
train_images = np.random.rand(64, 32, 32, 3).astype("float32")
train_labels = np.random.randint(0, 10, size=(64, 1))

inputs = keras.Input(shape=(32, 32, 3))
x, _ = Involution(channel=3, group_number=1, kernel_size=3, stride=1, reduction_ratio=2, name="inv_1")(inputs)
x = keras.layers.ReLU()(x)
x = keras.layers.MaxPooling2D((2, 2))(x)
x, _ = Involution(channel=3, group_number=1, kernel_size=3, stride=1, reduction_ratio=2, name="inv_2")(x)
x = keras.layers.ReLU()(x)
x = keras.layers.MaxPooling2D((2, 2))(x)
x, _ = Involution(channel=3, group_number=1, kernel_size=3, stride=1, reduction_ratio=2, name="inv_3")(x)
x = keras.layers.ReLU()(x)
x = keras.layers.Flatten()(x)
x = keras.layers.Dense(64, activation="relu")(x)
outputs = keras.layers.Dense(10)(x)

inv_model = keras.Model(inputs=[inputs], outputs=[outputs], name="inv_model")
inv_model.compile(
    optimizer="adam",
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=["accuracy"],
)
inv_model.fit(train_images, train_labels, batch_size=16, epochs=1, verbose=0)

# Strided involution on a single image: kernels computed on the pooled grid
single = np.random.rand(1, 32, 32, 3).astype("float32")
out, kernel = Involution(channel=3, group_number=1, kernel_size=5, stride=2, reduction_ratio=1, name="inv_s2")(single)
print(out.shape, kernel.shape)
