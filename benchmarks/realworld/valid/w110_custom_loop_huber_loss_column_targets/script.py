# Price regressor trained with a hand-written GradientTape loop and a hand-written Huber loss.
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(7)
features = rng.normal(size=(900, 6)).astype("float32")
prices = (features @ rng.normal(size=6) + 1.5).astype("float32").reshape(-1, 1)

X_fit, X_check = features[:750], features[750:]
y_fit, y_check = prices[:750], prices[750:]
mu, sigma = X_fit.mean(axis=0), X_fit.std(axis=0)
X_fit = (X_fit - mu) / sigma
X_check = (X_check - mu) / sigma


def my_huber(y_true, y_pred, delta=1.0):
    err = y_true - y_pred
    small = tf.abs(err) < delta
    return tf.where(small, tf.square(err) / 2, delta * tf.abs(err) - delta**2 / 2)


tf.keras.utils.set_random_seed(7)
regressor = tf.keras.Sequential([
    tf.keras.Input(shape=(6,)),
    tf.keras.layers.Dense(24, activation="relu", kernel_initializer="he_normal"),
    tf.keras.layers.Dense(1),
])


def sample_batch(X, y, size=25):
    idx = np.random.randint(len(X), size=size)
    return X[idx], y[idx]


opt = tf.keras.optimizers.SGD(learning_rate=0.02)
running = tf.keras.metrics.Mean()
mae = tf.keras.metrics.MeanAbsoluteError()
for epoch in range(4):
    for _ in range(len(X_fit) // 25):
        xb, yb = sample_batch(X_fit, y_fit)
        with tf.GradientTape() as tape:
            pred = regressor(xb, training=True)
            batch_loss = tf.reduce_mean(my_huber(yb, pred))
        grads = tape.gradient(batch_loss, regressor.trainable_variables)
        opt.apply_gradients(zip(grads, regressor.trainable_variables))
        running(batch_loss)
        mae(yb, pred)
    print(f"epoch {epoch}: loss={float(running.result()):.3f} mae={float(mae.result()):.3f}")
    running.reset_state()
    mae.reset_state()

check_mae = float(tf.reduce_mean(tf.abs(y_check - regressor(X_check))))
print(f"held-out MAE: {check_mae:.3f}")
