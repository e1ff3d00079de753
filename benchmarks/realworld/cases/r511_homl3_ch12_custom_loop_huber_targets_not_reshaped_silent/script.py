# Regression MLP trained with a hand-written loop and a custom Huber loss (California-housing-like data).
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(42)
housing_data = rng.normal(size=(1200, 8)).astype("float32")
housing_target = (housing_data @ rng.normal(size=8) + 2.0).astype("float32")  # median house values

X_train, X_valid = housing_data[:1000], housing_data[1000:]
y_train, y_valid = housing_target[:1000], housing_target[1000:]
mean, std = X_train.mean(axis=0), X_train.std(axis=0)
X_train_scaled = (X_train - mean) / std
X_valid_scaled = (X_valid - mean) / std


def huber_fn(y_true, y_pred):
    error = y_true - y_pred
    is_small_error = tf.abs(error) < 1
    squared_loss = tf.square(error) / 2
    linear_loss = tf.abs(error) - 0.5
    return tf.where(is_small_error, squared_loss, linear_loss)


tf.keras.utils.set_random_seed(42)
l2_reg = tf.keras.regularizers.l2(0.05)
model = tf.keras.models.Sequential([
    tf.keras.Input(shape=(8,)),
    tf.keras.layers.Dense(30, activation="relu", kernel_initializer="he_normal", kernel_regularizer=l2_reg),
    tf.keras.layers.Dense(1, kernel_regularizer=l2_reg),
])


def random_batch(X, y, batch_size=32):
    idx = np.random.randint(len(X), size=batch_size)
    return X[idx], y[idx]


n_epochs = 3
batch_size = 32
n_steps = len(X_train) // batch_size
optimizer = tf.keras.optimizers.SGD(learning_rate=0.01)
loss_fn = huber_fn
mean_loss = tf.keras.metrics.Mean()
metrics = [tf.keras.metrics.MeanAbsoluteError()]

for epoch in range(1, n_epochs + 1):
    for step in range(1, n_steps + 1):
        X_batch, y_batch = random_batch(X_train_scaled, y_train)
        with tf.GradientTape() as tape:
            y_pred = model(X_batch, training=True)
            main_loss = tf.reduce_mean(loss_fn(y_batch, y_pred))
            loss = tf.add_n([main_loss] + model.losses)
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))
        mean_loss(loss)
        for metric in metrics:
            metric(y_batch, y_pred)
    print(f"epoch {epoch}: loss={float(mean_loss.result()):.3f} mae={float(metrics[0].result()):.3f}")
    for metric in [mean_loss] + metrics:
        metric.reset_state()
