# NNCLR self-supervised pretraining: two augmented views of each image are encoded and
# projected, each projection is replaced by its nearest neighbour in a queue of past
# projections (support set), and a contrastive loss pulls the neighbour of one view
# towards the other view. A linear probe on the frozen features tracks label accuracy.
import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

input_shape = (32, 32, 3)
width = 64
projection_width = 128
temperature = 0.1
queue_size = 200

rng = np.random.default_rng(33)
unlabeled = rng.random((96, 32, 32, 3)).astype("float32")
labeled = rng.random((48, 32, 32, 3)).astype("float32")
labels = rng.integers(0, 10, 48)
train_dataset = tf.data.Dataset.zip((
    tf.data.Dataset.from_tensor_slices((unlabeled, np.zeros(96, "int64"))).batch(16),
    tf.data.Dataset.from_tensor_slices((labeled, labels)).batch(8),
))


def augmenter():
    return keras.Sequential([layers.RandomFlip("horizontal"), layers.RandomTranslation(0.1, 0.1)])


def encoder():
    return keras.Sequential([
        layers.Input(shape=input_shape),
        layers.Conv2D(width, kernel_size=3, strides=2, activation="relu"),
        layers.Conv2D(width, kernel_size=3, strides=2, activation="relu"),
        layers.Flatten(),
        layers.Dense(width, activation="relu"),
    ], name="encoder")


class NNCLR(keras.Model):
    def __init__(self, temperature, queue_size):
        super().__init__()
        self.probe_accuracy = keras.metrics.SparseCategoricalAccuracy()
        self.probe_loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
        self.contrastive_augmenter = augmenter()
        self.encoder = encoder()
        self.projection_head = keras.Sequential([
            layers.Input(shape=(width,)),
            layers.Dense(width, activation="relu"),
            layers.Dense(projection_width),
        ], name="projection_head")
        self.linear_probe = keras.Sequential([layers.Input(shape=(width,)), layers.Dense(10)])
        self.temperature = temperature
        feature_dimensions = self.encoder.output_shape[1]
        self.feature_queue = keras.Variable(
            keras.utils.normalize(keras.random.normal(shape=(queue_size, feature_dimensions)), axis=1, order=2),
            trainable=False)

    def compile(self, contrastive_optimizer, probe_optimizer, **kwargs):
        super().compile(**kwargs)
        self.contrastive_optimizer = contrastive_optimizer
        self.probe_optimizer = probe_optimizer

    def nearest_neighbour(self, projections):
        support_similarities = ops.matmul(projections, ops.transpose(self.feature_queue))
        nn_projections = ops.take(self.feature_queue, ops.argmax(support_similarities, axis=1), axis=0)
        return projections + ops.stop_gradient(nn_projections - projections)

    def contrastive_loss(self, p1, p2):
        p1 = keras.utils.normalize(p1, axis=1, order=2)
        p2 = keras.utils.normalize(p2, axis=1, order=2)
        sim_12 = ops.matmul(self.nearest_neighbour(p1), ops.transpose(p2)) / self.temperature
        sim_21 = ops.matmul(self.nearest_neighbour(p2), ops.transpose(p1)) / self.temperature
        batch_size = ops.shape(p1)[0]
        targets = ops.arange(batch_size)
        loss = keras.losses.sparse_categorical_crossentropy(
            ops.concatenate([targets, targets], axis=0), ops.concatenate([sim_12, sim_21], axis=0),
            from_logits=True)
        self.feature_queue.assign(ops.concatenate([p1, self.feature_queue[:-batch_size]], axis=0))
        return ops.mean(loss)

    def train_step(self, data):
        (unlabeled_images, _), (labeled_images, y) = data
        images = ops.concatenate((unlabeled_images, labeled_images), axis=0)
        view_1 = self.contrastive_augmenter(images)
        view_2 = self.contrastive_augmenter(images)
        with tf.GradientTape() as tape:
            p1 = self.projection_head(self.encoder(view_1))
            p2 = self.projection_head(self.encoder(view_2))
            c_loss = self.contrastive_loss(p1, p2)
        variables = self.encoder.trainable_weights + self.projection_head.trainable_weights
        self.contrastive_optimizer.apply_gradients(zip(tape.gradient(c_loss, variables), variables))
        with tf.GradientTape() as tape:
            class_logits = self.linear_probe(self.encoder(labeled_images))
            p_loss = self.probe_loss(y, class_logits)
        grads = tape.gradient(p_loss, self.linear_probe.trainable_weights)
        self.probe_optimizer.apply_gradients(zip(grads, self.linear_probe.trainable_weights))
        self.probe_accuracy.update_state(y, class_logits)
        return {"c_loss": c_loss, "p_loss": p_loss, "p_acc": self.probe_accuracy.result()}


model = NNCLR(temperature=temperature, queue_size=queue_size)
model.compile(contrastive_optimizer=keras.optimizers.Adam(), probe_optimizer=keras.optimizers.Adam(),
              jit_compile=False)
pretrain_history = model.fit(train_dataset, epochs=1, verbose=0)
print({k: float(v[-1]) for k, v in pretrain_history.history.items()})
