# Sensor-reading regressor regularized by an auxiliary reconstruction task: a layer
# created in build() rebuilds all input features from the last hidden representation.
import numpy as np
import tensorflow as tf

gen = np.random.default_rng(2024)
readings = gen.normal(size=(360, 12)).astype("float32")
target = (readings[:, :3].sum(axis=1, keepdims=True) * 0.4).astype("float32")


class AutoencodingRegressor(tf.keras.Model):
    def __init__(self, n_outputs, hidden_units=24, **kwargs):
        super().__init__(**kwargs)
        self.body = [tf.keras.layers.Dense(hidden_units, activation="elu") for _ in range(3)]
        self.head = tf.keras.layers.Dense(n_outputs)

    def build(self, batch_input_shape):
        n_features = batch_input_shape[-1]
        self.rebuild = tf.keras.layers.Dense(n_features)
        self.built = True

    def call(self, inputs, training=None):
        h = inputs
        for layer in self.body:
            h = layer(h)
        rebuilt = self.rebuild(h)
        self.add_loss(0.1 * tf.reduce_mean(tf.square(rebuilt - inputs)))
        return self.head(h)


net = AutoencodingRegressor(1)
net.compile(loss="mse", optimizer=tf.keras.optimizers.Adam(1e-3))
hist = net.fit(readings, target, batch_size=40, epochs=3, verbose=0)
print("final loss:", round(hist.history["loss"][-1], 4), "pred:", net.predict(readings[:2], verbose=0).shape)
