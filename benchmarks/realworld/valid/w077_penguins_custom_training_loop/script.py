import numpy as np
import tensorflow as tf

# Palmer penguins stand-in: four numeric columns and the species id (0 Adelie, 1 Chinstrap, 2 Gentoo)
rng = np.random.default_rng(0)
n = 120
columns = {
    "bill_length_mm": rng.normal(44.0, 5.0, n).astype("float32"),
    "bill_depth_mm": rng.normal(17.0, 2.0, n).astype("float32"),
    "flipper_length_mm": rng.normal(200.0, 14.0, n).astype("float32"),
    "body_mass_g": rng.normal(4200.0, 800.0, n).astype("float32"),
}
species = rng.integers(0, 3, n)

batch_size = 32
train_dataset = tf.data.Dataset.from_tensor_slices((columns, species)).batch(batch_size)


def pack_features_vector(features, labels):
    """Pack the features into a single array."""
    features = tf.stack(list(features.values()), axis=1)
    return features, labels


train_dataset = train_dataset.map(pack_features_vector)

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(4,)),
    tf.keras.layers.Dense(10, activation=tf.nn.relu),
    tf.keras.layers.Dense(10, activation=tf.nn.relu),
    tf.keras.layers.Dense(3)
])

loss_object = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)


def loss(model, x, y, training):
    y_ = model(x, training=training)
    return loss_object(y_true=y, y_pred=y_)


def grad(model, inputs, targets):
    with tf.GradientTape() as tape:
        loss_value = loss(model, inputs, targets, training=True)
    return loss_value, tape.gradient(loss_value, model.trainable_variables)


optimizer = tf.keras.optimizers.SGD(learning_rate=0.01)
for epoch in range(2):
    epoch_loss_avg = tf.keras.metrics.Mean()
    for x, y in train_dataset:
        loss_value, grads = grad(model, x, y)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        epoch_loss_avg.update_state(loss_value)
    print("Epoch {:03d}: Loss: {:.3f}".format(epoch, epoch_loss_avg.result()))
