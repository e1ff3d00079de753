import numpy as np
import tensorflow as tf
import keras


# Let's consider a simple MNIST model
def get_model():
    inputs = keras.Input(shape=(784,), name="digits")
    x1 = keras.layers.Dense(64, activation="relu")(inputs)
    x2 = keras.layers.Dense(64, activation="relu")(x1)
    outputs = keras.layers.Dense(10, name="predictions")(x2)
    return keras.Model(inputs=inputs, outputs=outputs)


batch_size = 32
rng = np.random.default_rng(1)
x_all = rng.random((600, 28, 28)).astype("float32")
y_all = rng.integers(0, 10, size=(600,))
x_all = np.reshape(x_all, (-1, 784))

# Reserve 200 samples for validation.
x_val = x_all[-200:]
y_val = y_all[-200:]
x_train = x_all[:-200]
y_train = keras.utils.to_categorical(y_all[:-200], 10)

train_dataset = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(400).batch(batch_size)
val_dataset = tf.data.Dataset.from_tensor_slices((x_val, y_val)).batch(batch_size)

model = get_model()
optimizer = keras.optimizers.Adam(learning_rate=1e-3)
loss_fn = keras.losses.CategoricalCrossentropy(from_logits=True)
train_acc_metric = keras.metrics.CategoricalAccuracy()
val_acc_metric = keras.metrics.CategoricalAccuracy()

epochs = 2
for epoch in range(epochs):
    for step, (inputs, targets) in enumerate(train_dataset):
        with tf.GradientTape() as tape:
            logits = model(inputs, training=True)
            loss = loss_fn(targets, logits)
        grads = tape.gradient(loss, model.trainable_weights)
        optimizer.apply(grads, model.trainable_weights)
        train_acc_metric.update_state(targets, logits)
    print(f"Training acc over epoch: {float(train_acc_metric.result()):.4f}")
    train_acc_metric.reset_state()

    for x_batch_val, y_batch_val in val_dataset:
        val_logits = model(x_batch_val, training=False)
        val_acc_metric.update_state(y_batch_val, val_logits)
    print(f"Validation acc: {float(val_acc_metric.result()):.4f}")
    val_acc_metric.reset_state()
