import numpy as np
import tensorflow as tf
import keras


def make_classifier():
    pixels = keras.Input(shape=(784,), name="pixels")
    h = keras.layers.Dense(48, activation="relu")(pixels)
    h = keras.layers.Dense(48, activation="relu")(h)
    logits = keras.layers.Dense(10, name="logits")(h)
    return keras.Model(pixels, logits)


rng = np.random.default_rng(9)
images = rng.random((500, 28, 28)).astype("float32").reshape(-1, 784)
digits = rng.integers(0, 10, size=(500,))
onehot = keras.utils.to_categorical(digits, 10)

# keep the last 100 for validation
x_tr, x_va = images[:-100], images[-100:]
y_tr, y_va = onehot[:-100], onehot[-100:]

train_ds = tf.data.Dataset.from_tensor_slices((x_tr, y_tr)).shuffle(400).batch(25)
val_ds = tf.data.Dataset.from_tensor_slices((x_va, y_va)).batch(25)

net = make_classifier()
opt = keras.optimizers.Adam(learning_rate=1e-3)
xent = keras.losses.CategoricalCrossentropy(from_logits=True)
train_acc = keras.metrics.CategoricalAccuracy()
val_acc = keras.metrics.CategoricalAccuracy()

for epoch in range(2):
    for batch_x, batch_y in train_ds:
        with tf.GradientTape() as tape:
            out = net(batch_x, training=True)
            batch_loss = xent(batch_y, out)
        grads = tape.gradient(batch_loss, net.trainable_weights)
        opt.apply(grads, net.trainable_weights)
        train_acc.update_state(batch_y, out)
    for batch_x, batch_y in val_ds:
        val_acc.update_state(batch_y, net(batch_x, training=False))
    print(epoch, float(train_acc.result()), float(val_acc.result()))
    train_acc.reset_state()
    val_acc.reset_state()
