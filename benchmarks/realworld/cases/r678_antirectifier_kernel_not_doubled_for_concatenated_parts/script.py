# Digit MLP with a custom Antirectifier activation: the centred input is split into
# its positive and negative parts, both are concatenated, and a learned kernel mixes
# them back to the input width.
import numpy as np
import keras
from keras import layers, ops


class Antirectifier(layers.Layer):
    def __init__(self, initializer="he_normal", **kwargs):
        super().__init__(**kwargs)
        self.initializer = keras.initializers.get(initializer)

    def build(self, input_shape):
        width = input_shape[-1]
        self.mix_kernel = self.add_weight(
            shape=(width, width),
            initializer=self.initializer,
            name="mix_kernel",
            trainable=True,
        )

    def call(self, inputs):
        centred = inputs - ops.mean(inputs, axis=-1, keepdims=True)
        positive = ops.relu(centred)
        negative = ops.relu(-centred)
        both = ops.concatenate([positive, negative], axis=-1)
        return ops.matmul(both, self.mix_kernel)


rng = np.random.default_rng(0)
digits = rng.random((300, 784)).astype("float32")
digit_labels = rng.integers(0, 10, size=300)

net = keras.Sequential([
    keras.Input(shape=(784,)),
    layers.Dense(128),
    Antirectifier(),
    layers.Dense(128),
    Antirectifier(),
    layers.Dropout(0.5),
    layers.Dense(10),
])
net.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
            optimizer=keras.optimizers.RMSprop(),
            metrics=[keras.metrics.SparseCategoricalAccuracy()])
net.fit(digits, digit_labels, batch_size=64, epochs=1, validation_split=0.15, verbose=0)
print(net.evaluate(digits, digit_labels, verbose=0))
