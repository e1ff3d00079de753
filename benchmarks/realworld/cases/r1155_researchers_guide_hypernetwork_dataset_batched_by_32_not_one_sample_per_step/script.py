import numpy as np
import tensorflow as tf
import keras
from keras import ops

input_dim = 64  # 8x8 digit images, flattened
hidden = 16
classes = 10

# Each layer of the main network needs output_dim * input_dim + output_dim coefficients.
num_weights_to_generate = (input_dim * hidden + hidden) + (hidden * classes + classes)

# The hypernetwork generates all the weights of the main network from the input image.
hypernetwork = keras.Sequential(
    [
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(num_weights_to_generate, activation="sigmoid"),
    ]
)


def main_network(x, weights_pred):
    shapes = [(input_dim, hidden), (hidden,), (hidden, classes), (classes,)]
    params, start = [], 0
    for shape in shapes:
        size = int(np.prod(shape))
        params.append(ops.reshape(weights_pred[:, start : start + size], shape))
        start += size
    w0, b0, w1, b1 = params
    h = ops.relu(ops.matmul(x, w0) + b0)
    return ops.matmul(h, w1) + b1


loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
optimizer = keras.optimizers.Adam(learning_rate=1e-4)

rng = np.random.default_rng(2)
x_train = rng.random((256, 8, 8)).astype("float32")
y_train = rng.integers(0, classes, size=(256,))
dataset = tf.data.Dataset.from_tensor_slices((x_train.reshape(256, input_dim), y_train))
dataset = dataset.shuffle(buffer_size=256).batch(32)


@tf.function
def train_step(x, y):
    with tf.GradientTape() as tape:
        weights_pred = hypernetwork(x)
        preds = main_network(x, weights_pred)
        loss = loss_fn(y, preds)
    grads = tape.gradient(loss, hypernetwork.trainable_weights)
    optimizer.apply_gradients(zip(grads, hypernetwork.trainable_weights))
    return loss


losses = []
for step, (x, y) in enumerate(dataset):
    losses.append(float(train_step(x, y)))
    if step >= 50:
        break
print("mean loss", sum(losses) / len(losses))
