import numpy as np
import tensorflow as tf
import keras

rng = np.random.default_rng(854)
x_train = rng.random((128, 28, 28)).astype("float32")
y_train = rng.integers(0, 10, size=(128,))


class FFDense(keras.layers.Layer):
    def __init__(self, units, optimizer, loss_metric, num_epochs=5, **kwargs):
        super().__init__(**kwargs)
        self.dense = keras.layers.Dense(units=units)
        self.relu = keras.layers.ReLU()
        self.optimizer = optimizer
        self.loss_metric = loss_metric
        self.threshold = 1.5
        self.num_epochs = num_epochs

    def call(self, x):
        x_norm = tf.norm(x, ord=2, axis=1)
        x_norm = x_norm + 1e-4
        x_dir = x / x_norm
        res = self.dense(x_dir)
        return self.relu(res)

    def forward_forward(self, x_pos, x_neg):
        for i in range(self.num_epochs):
            with tf.GradientTape() as tape:
                g_pos = tf.math.reduce_mean(tf.math.pow(self.call(x_pos), 2), 1)
                g_neg = tf.math.reduce_mean(tf.math.pow(self.call(x_neg), 2), 1)
                loss = tf.math.log(
                    1 + tf.math.exp(tf.concat([-g_pos + self.threshold, g_neg - self.threshold], 0))
                )
                mean_loss = tf.math.reduce_mean(loss)
                self.loss_metric.update_state([mean_loss])
            gradients = tape.gradient(mean_loss, self.dense.trainable_weights)
            self.optimizer.apply_gradients(zip(gradients, self.dense.trainable_weights))
        return (
            tf.stop_gradient(self.call(x_pos)),
            tf.stop_gradient(self.call(x_neg)),
            self.loss_metric.result(),
        )


class FFNetwork(keras.Model):
    def __init__(self, dims, **kwargs):
        super().__init__(**kwargs)
        self.loss_var = tf.Variable(0.0, trainable=False, dtype=tf.float32)
        self.loss_count = tf.Variable(0.0, trainable=False, dtype=tf.float32)
        self.ff_layers = [
            FFDense(dims[d + 1], optimizer=keras.optimizers.Adam(learning_rate=0.03),
                    loss_metric=keras.metrics.Mean())
            for d in range(len(dims) - 1)
        ]

    def overlay_y_on_x(self, x, y):
        # write the label as a one-hot "pixel" pattern into the first 10 pixels
        max_sample = tf.reduce_max(x, axis=1, keepdims=True)
        label_pixels = tf.one_hot(y, 10) * max_sample
        return tf.concat([label_pixels, x[:, 10:]], axis=1)

    def call(self, x):
        h = tf.reshape(x, [-1, 28 * 28])
        for layer in self.ff_layers:
            h = layer(h)
        return h

    def train_step(self, data):
        x, y = data
        # Flatten op
        x = tf.reshape(x, [-1, tf.shape(x)[1] * tf.shape(x)[2]])
        x_pos = self.overlay_y_on_x(x, y)
        random_y = tf.random.shuffle(y)
        x_neg = self.overlay_y_on_x(x, random_y)
        h_pos, h_neg = x_pos, x_neg
        for layer in self.ff_layers:
            h_pos, h_neg, loss = layer.forward_forward(h_pos, h_neg)
            self.loss_var.assign_add(loss)
            self.loss_count.assign_add(1.0)
        return {"FinalLoss": self.loss_var / self.loss_count}


train_dataset = tf.data.Dataset.from_tensor_slices((x_train, y_train)).batch(64)
model = FFNetwork(dims=[784, 64, 64])
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.03), loss="mse")
model(x_train[:1])  # build the layers once before training
history = model.fit(train_dataset, epochs=2, verbose=0)
print("final loss:", history.history["FinalLoss"][-1])
