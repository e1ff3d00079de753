import math
import numpy as np
import tensorflow as tf
import keras
from keras import layers, regularizers

COUPLING_DIM, COUPLING_LAYERS, INPUT_DIM, REGULARIZATION = 64, 2, 2, 0.01

# two interleaving half circles ("moons") with a little noise
rng = np.random.default_rng(6)
t = rng.uniform(0, np.pi, size=1024)
upper = rng.random(1024) < 0.5
data = np.where(upper[:, None], np.c_[np.cos(t), np.sin(t)], np.c_[1 - np.cos(t), 0.5 - np.sin(t)])
data = (data + rng.normal(0, 0.05, size=data.shape)).astype("float32")
norm = layers.Normalization()
norm.adapt(data)
normalized_data = norm(data)


def Coupling(input_dim, coupling_dim, reg):
    input_layer = keras.Input(shape=(input_dim,))
    s = t = input_layer
    for _ in range(3):
        s = layers.Dense(coupling_dim, activation="relu", kernel_regularizer=regularizers.l2(reg))(s)
        t = layers.Dense(coupling_dim, activation="relu", kernel_regularizer=regularizers.l2(reg))(t)
    s = layers.Dense(input_dim, activation="tanh", kernel_regularizer=regularizers.l2(reg))(s)
    t = layers.Dense(input_dim, activation="linear", kernel_regularizer=regularizers.l2(reg))(t)
    return keras.Model(inputs=input_layer, outputs=[s, t])


class RealNVP(keras.Model):
    def __init__(self, input_dim, coupling_layers, coupling_dim, regularization):
        super().__init__()
        self.coupling_layers = coupling_layers
        self.masks = np.array([[0, 1], [1, 0]] * (coupling_layers // 2), dtype="float32")
        self.layers_list = [Coupling(input_dim, coupling_dim, regularization) for _ in range(coupling_layers)]

    def call(self, x, training=True):
        log_det_inv, direction = 0, -1 if training else 1
        for i in range(self.coupling_layers)[::direction]:
            x_masked = x * self.masks[i]
            reversed_mask = 1 - self.masks[i]
            s, t = self.layers_list[i](x_masked)
            s, t = s * reversed_mask, t * reversed_mask
            gate = (direction - 1) / 2
            x = reversed_mask * (x * tf.exp(direction * s) + direction * t * tf.exp(gate * s)) + x_masked
            log_det_inv += gate * tf.reduce_sum(s, axis=0)
        return x, log_det_inv

    def log_loss(self, x):
        y, logdet = self(x)
        log_prob = -0.5 * tf.reduce_sum(tf.square(y), axis=1) - math.log(2 * math.pi)
        return -tf.reduce_mean(log_prob + logdet)

    def train_step(self, data):
        with tf.GradientTape() as tape:
            loss = self.log_loss(data)
        g = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(g, self.trainable_variables))
        return {"loss": loss}


model = RealNVP(INPUT_DIM, COUPLING_LAYERS, COUPLING_DIM, REGULARIZATION)
model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-4))
model.fit(normalized_data, batch_size=256, epochs=2, verbose=0)
z, _ = model(normalized_data)
print(z.shape)
