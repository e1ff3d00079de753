import numpy as np
import tensorflow as tf

rng = np.random.default_rng(959)
# MNIST-shaped stand-in (tfds "mnist" gives 28x28x1 uint8 images)
images = rng.integers(0, 256, size=(512, 28, 28, 1)).astype("float32") / 255.0
labels = rng.integers(0, 10, size=512)


class CustomDense(tf.keras.layers.Layer):
    def __init__(self, filters, name="dense"):
        super().__init__(name=name)
        self.filters = filters

    def build(self, input_shape):
        self.kernel = self.add_weight(name="kernel", shape=(input_shape[-1], self.filters),
                                      initializer="glorot_uniform")
        self.bias = self.add_weight(name="bias", shape=(self.filters,), initializer="zeros")

    def call(self, inputs):
        outputs = tf.linalg.matvec(self.kernel, inputs, transpose_a=True)
        outputs = tf.nn.bias_add(outputs, self.bias)
        return tf.nn.leaky_relu(outputs)


class CustomConv2D(tf.keras.layers.Layer):
    def __init__(self, filters, kernel_size, strides=1, padding="SAME", name="conv2d"):
        super().__init__(name=name)
        self.filters = filters
        self.kernel_size = kernel_size
        self.strides = strides
        self.padding = padding

    def build(self, input_shape):
        kernel_shape = 2 * (self.kernel_size,) + (self.filters, input_shape[-1])
        self.kernel = self.add_weight(name="kernel", shape=kernel_shape, initializer="glorot_uniform")
        self.bias = self.add_weight(name="bias", shape=(self.filters,), initializer="zeros")

    def call(self, inputs):
        outputs = tf.nn.convolution(inputs, self.kernel, strides=self.strides, padding=self.padding)
        outputs = tf.nn.bias_add(outputs, self.bias)
        return tf.nn.leaky_relu(outputs)


classifier = tf.keras.Sequential([
    CustomConv2D(20, 5, strides=2, name="conv_1"),
    CustomConv2D(50, 5, strides=2, name="conv_2"),
    tf.keras.layers.Flatten(),
    CustomDense(500, name="fc_1"),
    CustomDense(10, name="fc_2"),
], name="classifier")

classifier.compile(
    optimizer=tf.keras.optimizers.Adam(learning_rate=1e-3),
    loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=[tf.keras.metrics.SparseCategoricalAccuracy()],
)
log = classifier.fit(images, labels, batch_size=128, epochs=2, validation_split=0.25, verbose=0)
print(f"Accuracy: {log.history['val_sparse_categorical_accuracy'][-1]:0.4f}")
