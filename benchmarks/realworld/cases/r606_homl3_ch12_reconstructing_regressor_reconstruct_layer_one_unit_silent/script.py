# Regressor with an auxiliary reconstruction loss: a Dense layer rebuilds the inputs
# from the last hidden layer and 5% of the reconstruction error is added to the loss.
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(42)
X_train_scaled = rng.normal(size=(500, 8)).astype("float32")
y_train = (X_train_scaled[:, :1] * 0.7 + rng.normal(scale=0.1, size=(500, 1))).astype("float32")


class ReconstructingRegressor(tf.keras.Model):
    def __init__(self, output_dim, **kwargs):
        super().__init__(**kwargs)
        self.hidden = [tf.keras.layers.Dense(30, activation="relu", kernel_initializer="he_normal")
                       for _ in range(5)]
        self.out = tf.keras.layers.Dense(output_dim)
        self.output_dim = output_dim

    def build(self, batch_input_shape):
        n_inputs = batch_input_shape[-1]
        self.reconstruct = tf.keras.layers.Dense(self.output_dim)
        self.built = True

    def call(self, inputs, training=None):
        Z = inputs
        for layer in self.hidden:
            Z = layer(Z)
        reconstruction = self.reconstruct(Z)
        recon_loss = tf.reduce_mean(tf.square(reconstruction - inputs))
        self.add_loss(0.05 * recon_loss)
        return self.out(Z)


model = ReconstructingRegressor(1)
model.compile(loss="mse", optimizer="nadam")
history = model.fit(X_train_scaled, y_train, epochs=2, verbose=0)
print("loss:", history.history["loss"][-1])
