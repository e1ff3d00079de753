# Fit a small regressor with a hand-written TensorFlow training loop instead of model.fit.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(28901)
x_data = rng.uniform(-1, 1, size=(1024, 4)).astype("float32")
y_data = (np.sin(2 * x_data[:, 0]) + x_data[:, 1] * x_data[:, 2] - 0.5 * x_data[:, 3]).astype("float32")

dataset = tf.data.Dataset.from_tensor_slices((x_data, y_data)).shuffle(1024, seed=0).batch(16)

model = keras.Sequential([
    keras.Input(shape=(4,)),
    layers.Dense(64, activation="relu"),
    layers.Dense(64, activation="relu"),
    layers.Dense(1),
])
optimizer = keras.optimizers.Adam(1e-3)


@tf.function
def train_step(model, optimizer, x, y):
    with tf.GradientTape() as tape:
        y_pred = model(x, training=True)
        loss = tf.reduce_mean(tf.square(y - y_pred))
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss


for epoch in range(15):
    for x_batch, y_batch in dataset:
        loss = train_step(model, optimizer, x_batch, y_batch)

pred = model.predict(x_data, verbose=0)
print("prediction shape", pred.shape, "per-sample MSE", float(np.mean((pred[:, 0] - y_data) ** 2)),
      "target variance", float(np.var(y_data)))
