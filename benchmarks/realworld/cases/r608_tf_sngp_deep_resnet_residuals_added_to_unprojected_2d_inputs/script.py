# Deep residual MLP classifier for 2-D points (two-moons style): a frozen input
# projection, a stack of residual Dense blocks with dropout, and a Dense classifier.
import numpy as np
import tensorflow as tf


class DeepResNet(tf.keras.Model):
    """Defines a multi-layer residual network."""

    def __init__(self, num_classes, num_layers=3, num_hidden=128, dropout_rate=0.1, **classifier_kwargs):
        super().__init__()
        self.num_hidden = num_hidden
        self.num_layers = num_layers
        self.dropout_rate = dropout_rate
        self.classifier_kwargs = classifier_kwargs

        self.input_layer = tf.keras.layers.Dense(self.num_hidden, trainable=False)
        self.dense_layers = [self.make_dense_layer() for _ in range(num_layers)]
        self.dropout = tf.keras.layers.Dropout(self.dropout_rate)
        self.classifier = self.make_output_layer(num_classes)

    def call(self, inputs):
        hidden = inputs

        for i in range(self.num_layers):
            resid = self.dense_layers[i](hidden)
            resid = self.dropout(resid)
            hidden += resid

        return self.classifier(hidden)

    def make_dense_layer(self):
        return tf.keras.layers.Dense(self.num_hidden, activation="relu")

    def make_output_layer(self, num_classes):
        return tf.keras.layers.Dense(num_classes, **self.classifier_kwargs)


rng = np.random.default_rng(3)
train_examples = rng.uniform(-1.5, 2.5, size=(512, 2)).astype("float32")
train_labels = (train_examples[:, 1] > np.sin(train_examples[:, 0])).astype("int32")

resnet_config = dict(num_classes=2, num_layers=6, num_hidden=128)
resnet_model = DeepResNet(**resnet_config)
resnet_model.build((None, 2))

loss = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
metrics = (tf.keras.metrics.SparseCategoricalAccuracy(),)
optimizer = tf.keras.optimizers.Adam(learning_rate=1e-4)
resnet_model.compile(optimizer=optimizer, loss=loss, metrics=metrics)
resnet_model.fit(train_examples, train_labels, epochs=2, batch_size=128, verbose=0)
print(resnet_model.predict(train_examples[:3], verbose=0).shape)
