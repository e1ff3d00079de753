# Small regression net made of a hand-written dense layer (TensorFlow "Custom layers"
# tutorial style): the layer creates its kernel in build() from the incoming feature
# width and multiplies the inputs by it in call().
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(5)
readings = rng.normal(size=(120, 5)).astype("float32")
targets = (readings @ rng.normal(size=(5, 1))).astype("float32")


class HandDense(tf.keras.layers.Layer):
    def __init__(self, num_outputs):
        super().__init__()
        self.num_outputs = num_outputs

    def build(self, input_shape):
        self.kernel = self.add_weight(name="kernel",
                                      shape=[self.num_outputs, int(input_shape[-1])])

    def call(self, inputs):
        return tf.matmul(inputs, self.kernel)


inputs = tf.keras.Input(shape=(5,))
hidden = tf.keras.layers.ReLU()(HandDense(16)(inputs))
outputs = HandDense(1)(hidden)
regressor = tf.keras.Model(inputs, outputs)
regressor.compile(optimizer="adam", loss="mse")
regressor.fit(readings, targets, batch_size=20, epochs=2, verbose=0)
print(regressor.predict(readings[:3], verbose=0).ravel())
