import numpy as np
import tensorflow as tf
import keras
from keras import layers

DTYPE = "float32"
pi = tf.constant(np.pi, dtype=DTYPE)
viscosity = 0.01 / pi
N_0, N_b, N_r = 30, 30, 200
lb = tf.constant([0.0, -1.0], dtype=DTYPE)
ub = tf.constant([1.0, 1.0], dtype=DTYPE)
keras.utils.set_random_seed(0)

# initial data u(0, x) = -sin(pi x), boundary data u(t, +-1) = 0, collocation points
t_0 = tf.zeros((N_0, 1), dtype=DTYPE)
x_0 = tf.random.uniform((N_0, 1), -1.0, 1.0, dtype=DTYPE)
t_b = tf.random.uniform((N_b, 1), 0.0, 1.0, dtype=DTYPE)
x_b = tf.where(tf.random.uniform((N_b, 1)) < 0.5, -1.0, 1.0)
X_data = [tf.concat([t_0, x_0], axis=1), tf.concat([t_b, x_b], axis=1)]
u_data = [-tf.sin(pi * x_0), tf.zeros((N_b, 1), dtype=DTYPE)]
X_r = tf.concat([tf.random.uniform((N_r, 1), 0.0, 1.0), tf.random.uniform((N_r, 1), -1.0, 1.0)], axis=1)

model = keras.Sequential([keras.Input(shape=(2,)), layers.Rescaling(2.0 / (ub - lb), offset=-2.0 * lb / (ub - lb) - 1.0)]
                         + [layers.Dense(20, activation="tanh", kernel_initializer="glorot_normal") for _ in range(3)]
                         + [layers.Dense(1)])


def get_r(model, X_r):
    with tf.GradientTape(persistent=True) as tape:
        # split t and x to compute partial derivatives
        t, x = X_r[:, 0], X_r[:, 1]
        tape.watch(t)
        tape.watch(x)
        u = model(tf.stack([t, x], axis=1))
        u_x = tape.gradient(u, x)
    u_t = tape.gradient(u, t)
    u_xx = tape.gradient(u_x, x)
    del tape
    # Burgers residual u_t + u u_x - nu u_xx
    return u_t + u * u_x - viscosity * u_xx


def compute_loss(model):
    loss = tf.reduce_mean(tf.square(get_r(model, X_r)))
    for X, u in zip(X_data, u_data):
        loss += tf.reduce_mean(tf.square(u - model(X)))
    return loss


optimizer = keras.optimizers.Adam(learning_rate=5e-3)


@tf.function
def train_step():
    with tf.GradientTape() as tape:
        loss = compute_loss(model)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss


for step in range(30):
    loss = train_step()
print("loss after 30 steps:", float(loss))
