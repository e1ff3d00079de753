# MNIST classification with a mixture-of-experts head (keras-io style): a small convnet
# extracts features, a softmax gating network picks the top-k of several Dense experts
# per image, and their outputs are summed with the gate weights; a load-balancing loss
# is added in a custom train_step.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

N_CLASSES = 10
N_EXPERTS = 6
TOP_K = 3

rng = np.random.default_rng(17)
x_train = rng.random((128, 28, 28, 1)).astype("float32")
y_train = keras.utils.to_categorical(rng.integers(0, N_CLASSES, size=128), N_CLASSES)


class TopKMoE(layers.Layer):
    def __init__(self, hidden_size, num_experts, top_k, **kwargs):
        super().__init__(**kwargs)
        init = keras.initializers.RandomNormal(stddev=0.001)
        self.experts = [layers.Dense(hidden_size, kernel_initializer=init) for _ in range(num_experts)]
        self.gate = layers.Dense(num_experts, kernel_initializer=init)
        self.top_k = top_k

    def call(self, x):
        gate_probs = tf.nn.softmax(self.gate(x))
        importance = tf.reduce_sum(gate_probs, axis=0)
        self.balance_loss = tf.reduce_mean(tf.square(importance - tf.reduce_mean(importance)))
        top_w, top_idx = tf.math.top_k(gate_probs, k=self.top_k)
        all_outputs = tf.stack([expert(x) for expert in self.experts], axis=1)
        rows = tf.tile(tf.expand_dims(tf.range(tf.shape(x)[0]), 1), [1, self.top_k])
        picked = tf.gather_nd(all_outputs, tf.stack([rows, top_idx], axis=2))
        return tf.reduce_sum(picked * top_w, axis=1)


class MoEClassifier(keras.Model):
    def __init__(self, num_classes, num_experts, top_k):
        super().__init__()
        self.features = keras.Sequential([
            layers.Conv2D(16, 3, activation="relu"),
            layers.MaxPooling2D(2),
            layers.Conv2D(32, 3, activation="relu"),
            layers.MaxPooling2D(2),
            layers.Flatten(),
            layers.Dropout(0.5),
        ])
        self.moe = TopKMoE(num_classes, num_experts, top_k)
        self.softmax = layers.Softmax()

    def call(self, inputs, training=False):
        return self.softmax(self.moe(self.features(inputs, training=training)))

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compute_loss(x=x, y=y, y_pred=y_pred) + 0.01 * self.moe.balance_loss
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        for metric in self.metrics:
            if metric.name == "loss":
                metric.update_state(loss)
            else:
                metric.update_state(y, y_pred)
        return {m.name: m.result() for m in self.metrics}


moe_model = MoEClassifier(N_CLASSES, N_EXPERTS, TOP_K)
moe_model.compile(optimizer=keras.optimizers.Adam(1e-3),
                  loss=keras.losses.CategoricalCrossentropy(), metrics=["accuracy"])
history = moe_model.fit(x_train, y_train, batch_size=32, epochs=2, verbose=0)
print(history.history)
