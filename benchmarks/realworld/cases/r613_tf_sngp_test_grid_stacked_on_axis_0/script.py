# Uncertainty study on a 2-D toy problem: a residual MLP is trained on two interleaved
# half-moons, then its class probabilities are evaluated on a mesh grid over the plane.
import numpy as np
import tensorflow as tf

DEFAULT_X_RANGE = (-3.5, 3.5)
DEFAULT_Y_RANGE = (-2.5, 2.5)
DEFAULT_N_GRID = 20


def make_training_data(sample_size=400, rng=np.random.default_rng(9)):
    """Two noisy half-moons."""
    t = rng.uniform(0, np.pi, size=sample_size)
    train_labels = rng.integers(0, 2, size=sample_size)
    x = np.where(train_labels == 0, np.cos(t), 1 - np.cos(t))
    y = np.where(train_labels == 0, np.sin(t), 0.5 - np.sin(t))
    train_examples = np.stack([x, y], axis=-1) + rng.normal(scale=0.1, size=(sample_size, 2))
    return train_examples.astype("float32"), train_labels.astype("int32")


def make_testing_data(x_range=DEFAULT_X_RANGE, y_range=DEFAULT_Y_RANGE, n_grid=DEFAULT_N_GRID):
    """Create a mesh grid in 2D space."""
    x = np.linspace(x_range[0], x_range[1], n_grid)
    y = np.linspace(y_range[0], y_range[1], n_grid)
    xv, yv = np.meshgrid(x, y)
    return np.stack([xv.flatten(), yv.flatten()], axis=0)


class DeepResNet(tf.keras.Model):
    def __init__(self, num_classes, num_layers=3, num_hidden=128, dropout_rate=0.1):
        super().__init__()
        self.num_layers = num_layers
        self.input_layer = tf.keras.layers.Dense(num_hidden, trainable=False)
        self.dense_layers = [tf.keras.layers.Dense(num_hidden, activation="relu") for _ in range(num_layers)]
        self.dropout = tf.keras.layers.Dropout(dropout_rate)
        self.classifier = tf.keras.layers.Dense(num_classes)

    def call(self, inputs):
        hidden = self.input_layer(inputs)
        for i in range(self.num_layers):
            resid = self.dropout(self.dense_layers[i](hidden))
            hidden += resid
        return self.classifier(hidden)


train_examples, train_labels = make_training_data()
test_examples = make_testing_data()

resnet_model = DeepResNet(num_classes=2, num_layers=4, num_hidden=64)
resnet_model.compile(
    optimizer=tf.keras.optimizers.Adam(learning_rate=1e-3),
    loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=[tf.keras.metrics.SparseCategoricalAccuracy()],
)
resnet_model.fit(train_examples, train_labels, epochs=3, batch_size=64, verbose=0)

resnet_logits = resnet_model(test_examples)
resnet_probs = tf.nn.softmax(resnet_logits, axis=-1)[:, 0]  # probability of class 0
print(resnet_probs.shape)
