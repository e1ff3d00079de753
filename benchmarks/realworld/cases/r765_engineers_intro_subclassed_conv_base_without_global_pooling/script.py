# Subclassed digit classifier (keras-io "Introduction to Keras for engineers" style):
# a custom MyDense layer written with keras.ops, a custom dropout built on
# keras.random, and a Model subclass whose convolutional base feeds them.
import numpy as np
import keras

n_classes = 10
rng = np.random.default_rng(2)


class OpsDense(keras.layers.Layer):
    def __init__(self, units, activation=None, name=None):
        super().__init__(name=name)
        self.units = units
        self.activation = keras.activations.get(activation)

    def build(self, input_shape):
        in_dim = input_shape[-1]
        self.w = self.add_weight(shape=(in_dim, self.units), initializer=keras.initializers.GlorotNormal(), name="kernel")
        self.b = self.add_weight(shape=(self.units,), initializer=keras.initializers.Zeros(), name="bias")

    def call(self, inputs):
        return self.activation(keras.ops.matmul(inputs, self.w) + self.b)


class SeededDropout(keras.layers.Layer):
    def __init__(self, rate, name=None):
        super().__init__(name=name)
        self.rate = rate
        self.seed_generator = keras.random.SeedGenerator(1337)

    def call(self, inputs):
        return keras.random.dropout(inputs, self.rate, seed=self.seed_generator)


class DigitNet(keras.Model):
    def __init__(self, n_classes):
        super().__init__()
        self.features = keras.Sequential([
            keras.layers.Conv2D(16, kernel_size=(3, 3), activation="relu"),
            keras.layers.Conv2D(16, kernel_size=(3, 3), activation="relu"),
            keras.layers.MaxPooling2D(pool_size=(2, 2)),
            keras.layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),
            keras.layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),
        ])
        self.drop = SeededDropout(0.5)
        self.head = OpsDense(n_classes, activation="softmax")

    def call(self, x):
        x = self.features(x)
        x = self.drop(x)
        return self.head(x)


x_train = rng.integers(0, 256, size=(64, 28, 28)).astype("float32") / 255.0
x_train = np.expand_dims(x_train, -1)
y_train = rng.integers(0, n_classes, size=(64,))

net = DigitNet(n_classes=n_classes)
net.compile(
    loss=keras.losses.SparseCategoricalCrossentropy(),
    optimizer=keras.optimizers.Adam(learning_rate=1e-3),
    metrics=[keras.metrics.SparseCategoricalAccuracy(name="acc")],
)
net.fit(x_train, y_train, batch_size=16, epochs=2, validation_split=0.15, verbose=0)
print(net.predict(x_train[:2], verbose=0).shape)
