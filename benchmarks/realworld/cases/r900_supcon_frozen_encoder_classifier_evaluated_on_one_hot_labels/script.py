import numpy as np
import tensorflow as tf
import keras
from keras import layers

num_classes = 10
input_shape = (32, 32, 3)
rng = np.random.default_rng(2)
x_train = rng.integers(0, 256, size=(192, 32, 32, 3)).astype("float32")
y_train = rng.integers(0, num_classes, size=(192, 1))
x_test = rng.integers(0, 256, size=(64, 32, 32, 3)).astype("float32")
y_test = rng.integers(0, num_classes, size=(64, 1))

data_augmentation = keras.Sequential(
    [layers.Normalization(), layers.RandomFlip("horizontal"), layers.RandomRotation(0.02)]
)
data_augmentation.layers[0].adapt(x_train)

learning_rate = 0.001
batch_size = 32
hidden_units = 64
projection_units = 32
dropout_rate = 0.5
temperature = 0.05


def create_encoder():
    inputs = keras.Input(shape=input_shape)
    x = data_augmentation(inputs)
    x = layers.Conv2D(16, 3, strides=2, activation="relu")(x)
    x = layers.Conv2D(32, 3, strides=2, activation="relu")(x)
    outputs = layers.GlobalAveragePooling2D()(x)
    return keras.Model(inputs, outputs, name="cifar10-encoder")


def create_classifier(encoder, trainable=True):
    for layer in encoder.layers:
        layer.trainable = trainable
    inputs = keras.Input(shape=input_shape)
    features = encoder(inputs)
    features = layers.Dropout(dropout_rate)(features)
    features = layers.Dense(hidden_units, activation="relu")(features)
    features = layers.Dropout(dropout_rate)(features)
    outputs = layers.Dense(num_classes, activation="softmax")(features)
    model = keras.Model(inputs, outputs, name="cifar10-classifier")
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate),
        loss=keras.losses.SparseCategoricalCrossentropy(),
        metrics=[keras.metrics.SparseCategoricalAccuracy()],
    )
    return model


class SupervisedContrastiveLoss(keras.losses.Loss):
    def __init__(self, temperature=1, name=None):
        super().__init__(name=name)
        self.temperature = temperature

    def __call__(self, labels, feature_vectors, sample_weight=None):
        normalized = tf.math.l2_normalize(feature_vectors, axis=1)
        logits = tf.matmul(normalized, normalized, transpose_b=True) / self.temperature
        labels = tf.reshape(labels, (-1, 1))
        same = tf.cast(tf.equal(labels, tf.transpose(labels)), tf.float32)
        same /= tf.reduce_sum(same, axis=1, keepdims=True)
        return tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(same, logits))


def add_projection_head(encoder):
    inputs = keras.Input(shape=input_shape)
    features = encoder(inputs)
    outputs = layers.Dense(projection_units, activation="relu")(features)
    return keras.Model(inputs, outputs, name="cifar-encoder_with_projection-head")


encoder = create_encoder()
encoder_with_projection_head = add_projection_head(encoder)
encoder_with_projection_head.compile(
    optimizer=keras.optimizers.Adam(learning_rate), loss=SupervisedContrastiveLoss(temperature)
)
encoder_with_projection_head.fit(x_train, y_train, batch_size=batch_size, epochs=1, verbose=0)

classifier = create_classifier(encoder, trainable=False)
classifier.fit(x_train, y_train, batch_size=batch_size, epochs=1, verbose=0)

y_test_onehot = keras.utils.to_categorical(y_test, num_classes)
accuracy = classifier.evaluate(x_test, y_test_onehot, verbose=0)[1]
print(f"Test accuracy: {round(accuracy * 100, 2)}%")
