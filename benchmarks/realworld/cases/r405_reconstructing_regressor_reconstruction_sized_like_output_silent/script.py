# A regressor with an auxiliary reconstruction loss computed from its hidden layers (California-housing-like data).
import numpy as np
import tensorflow as tf
import keras

rng = np.random.default_rng(42)
X_train_scaled = rng.normal(size=(512, 8)).astype("float32")
y_train = (X_train_scaled @ rng.normal(size=(8,)) + 2.0).astype("float32")
X_test_scaled = rng.normal(size=(64, 8)).astype("float32")


class ReconstructingRegressor(keras.Model):
    def __init__(self, output_dim, **kwargs):
        super().__init__(**kwargs)
        self.hidden = [keras.layers.Dense(30, activation="relu", kernel_initializer="he_normal")
                       for _ in range(5)]
        self.out = keras.layers.Dense(output_dim)
        self.reconstruct = keras.layers.Dense(output_dim)

    def call(self, inputs, training=None):
        Z = inputs
        for layer in self.hidden:
            Z = layer(Z)
        reconstruction = self.reconstruct(Z)
        recon_loss = tf.reduce_mean(tf.square(reconstruction - inputs))
        self.add_loss(0.05 * recon_loss)
        return self.out(Z)


keras.utils.set_random_seed(42)
model = ReconstructingRegressor(1)
model.compile(loss="mse", optimizer="nadam")
history = model.fit(X_train_scaled, y_train, epochs=3, verbose=0)
y_pred = model.predict(X_test_scaled, verbose=0)
print("loss:", history.history["loss"][-1], "predictions:", y_pred.shape)
