import numpy as np
import tensorflow as tf
import keras

# Noisy samples of the line y = 5x + 2
N = 100
w_true, b_true = 5.0, 2.0
x_np = np.random.rand(N, 1).astype("float32")
noise = 0.1 * np.random.randn(N).astype("float32")
y_np = (w_true * x_np[:, 0] + b_true + noise).astype("float32")  # shape (N,)

model = keras.Sequential([
    keras.Input(shape=(1,)),
    keras.layers.Dense(1),
])
optimizer = keras.optimizers.SGD(learning_rate=0.1)


def train_step(x, y):
    with tf.GradientTape() as tape:
        y_pred = model(x, training=True)
        loss = tf.reduce_mean((y - y_pred) ** 2)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss


for step in range(200):
    loss = train_step(x_np, y_np)
print("loss", float(loss), "weights", [v.numpy().ravel() for v in model.trainable_variables])
