import numpy as np
import tensorflow as tf

x_all = np.random.rand(128, 20).astype("float32")
y_all = np.random.randint(0, 5, size=(128,))
dataset = tf.data.Dataset.from_tensor_slices((x_all, y_all)).batch(32)

model = tf.keras.Sequential([
    tf.keras.Input(shape=(20,)),
    tf.keras.layers.Dense(32, activation="relu"),
    tf.keras.layers.Dense(5),
])
loss_fn = tf.keras.losses.CategoricalCrossentropy(from_logits=True)
optimizer = tf.keras.optimizers.Adam()

for x, y in dataset:
    with tf.GradientTape() as tape:
        y_pred = model(x, training=True)
        data_loss = loss_fn(y, y_pred)
    grads = tape.gradient(data_loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
