# Adaptive neuro-fuzzy inference system (ANFIS) for a two-input regression: Gaussian
# membership functions per input, one rule per pair of memberships, normalised firing
# strengths, first-order (Takagi-Sugeno) consequents and a final sum. The rule layer
# forms the pairwise products with reshapes that use the batch size fixed at build time.
import numpy as np
import keras
from keras import layers, ops

N_IN, N_MEMB, BATCH = 2, 3, 16


class Memberships(layers.Layer):
    def build(self, input_shape):
        centres = np.tile(np.linspace(-1.5, 1.5, N_MEMB)[:, None], (1, N_IN))
        self.mu = self.add_weight(shape=(N_MEMB, N_IN), initializer=keras.initializers.Constant(centres))
        self.sigma = self.add_weight(shape=(N_MEMB, N_IN), initializer="ones")

    def call(self, x):
        x = ops.expand_dims(x, 1)                                   # (batch, 1, n_in)
        return ops.exp(-ops.square(x - self.mu) / ops.square(self.sigma))


class Rules(layers.Layer):
    def build(self, input_shape):
        self.batch_size = input_shape[0]

    def call(self, m):
        first = ops.reshape(m[:, :, 0], (self.batch_size, -1, 1))
        second = ops.reshape(m[:, :, 1], (self.batch_size, 1, -1))
        return ops.reshape(first * second, (self.batch_size, -1))   # (batch, n_memb ** n_in)


class Consequents(layers.Layer):
    def build(self, input_shapes):
        self.w = self.add_weight(shape=(N_IN, N_MEMB ** N_IN), initializer="random_uniform")
        self.b = self.add_weight(shape=(1, N_MEMB ** N_IN), initializer="zeros")

    def call(self, strengths, x):
        return strengths * (ops.matmul(x, self.w) + self.b)


inputs = keras.Input(shape=(N_IN,), batch_size=BATCH)
firing = Rules()(Memberships()(inputs))
normalised = layers.Lambda(lambda w: w / ops.sum(w, axis=1, keepdims=True))(firing)
rule_outputs = Consequents()(normalised, inputs)
output = layers.Lambda(lambda r: ops.sum(r, axis=1, keepdims=True))(rule_outputs)
anfis = keras.Model(inputs, output, name="anfis")
anfis.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse")

rng = np.random.default_rng(7)
x_train = rng.uniform(-2, 2, size=(128, N_IN)).astype("float32")
y_train = (np.sin(x_train[:, :1]) + 0.5 * x_train[:, 1:]).astype("float32")
anfis.fit(x_train, y_train, batch_size=BATCH, epochs=2, verbose=0)

x_test = rng.uniform(-2, 2, size=(32, N_IN)).astype("float32")
y_hat = anfis.predict(x_test, verbose=0)
print(y_hat[:4].ravel())
