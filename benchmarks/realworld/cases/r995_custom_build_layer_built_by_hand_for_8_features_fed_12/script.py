# Custom layer whose build() takes an extra initializer argument, so it is built by hand
# before use and restores its built state through get_build_config/build_from_config
# (after the keras-io guide on customizing saving and serialization).
import numpy as np
import tensorflow as tf
import keras


@keras.saving.register_keras_serializable(package="my_custom_package")
class LayerWithCustomBuild(keras.layers.Layer):
    def __init__(self, units=32, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def call(self, inputs):
        return tf.matmul(inputs, self.w) + self.b

    def get_config(self):
        return dict(units=self.units, **super().get_config())

    def build(self, input_shape, layer_init):
        super().build(input_shape)
        self.w = self.add_weight(shape=(input_shape[-1], self.units), initializer=layer_init, trainable=True)
        self.b = self.add_weight(shape=(self.units,), initializer=layer_init, trainable=True)
        self.layer_init = layer_init

    def get_build_config(self):
        build_config = super().get_build_config()
        build_config.update({"layer_init": self.layer_init})
        return build_config

    def build_from_config(self, config):
        self.build(config["input_shape"], config["layer_init"])


# sensor readings: 12 features per sample, binary alarm label
rng = np.random.default_rng(995)
x = rng.random((64, 12)).astype("float32")
labels = (x[:, :3].sum(axis=1) > 1.5).astype("float32")

custom_layer = LayerWithCustomBuild(units=16)
custom_layer.build(input_shape=(8,), layer_init="random_normal")

model = keras.Sequential([custom_layer, keras.layers.Dense(1, activation="sigmoid")])
y = model(x)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(x, labels, batch_size=16, epochs=2, verbose=0)

print("accuracy:", round(model.evaluate(x, labels, verbose=0)[1], 3), "output:", tuple(y.shape))
