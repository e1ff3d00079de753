import numpy as np
import keras
from keras import layers, ops

num_classes = 10
input_shape = (32, 32, 3)
learning_rate = 0.001
hidden_units = 64
projection_units = 32
dropout_rate = 0.5
temperature = 0.05

x_train = np.random.rand(64, 32, 32, 3).astype("float32")
y_train = np.random.randint(0, num_classes, size=(64, 1))  # CIFAR-10 style (N, 1) labels


def create_encoder():
    inputs = keras.Input(shape=input_shape)
    x = layers.Normalization()(inputs)
    x = layers.Conv2D(16, 3, activation="relu")(x)
    x = layers.MaxPooling2D()(x)
    x = layers.Conv2D(32, 3, activation="relu")(x)
    outputs = layers.GlobalAveragePooling2D()(x)
    return keras.Model(inputs=inputs, outputs=outputs, name="encoder")


def create_classifier(encoder, trainable=True):
    for layer in encoder.layers:
        layer.trainable = trainable
    inputs = keras.Input(shape=input_shape)
    features = encoder(inputs)
    features = layers.Dropout(dropout_rate)(features)
    features = layers.Dense(hidden_units, activation="relu")(features)
    features = layers.Dropout(dropout_rate)(features)
    outputs = layers.Dense(num_classes, activation="softmax")(features)
    model = keras.Model(inputs=inputs, outputs=outputs, name="classifier")
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate),
        loss=keras.losses.SparseCategoricalCrossentropy(),
        metrics=[keras.metrics.SparseCategoricalAccuracy()],
    )
    return model


def npairs_loss(y_true, y_pred):
    # y_true: class ids (batch,); y_pred: (batch, batch) similarity logits
    y_true = ops.expand_dims(ops.cast(y_true, "float32"), -1)
    y_true = ops.cast(ops.equal(y_true, ops.transpose(y_true)), "float32")
    y_true = y_true / ops.sum(y_true, axis=1, keepdims=True)
    return ops.mean(keras.losses.categorical_crossentropy(y_true, y_pred, from_logits=True))


class SupervisedContrastiveLoss(keras.losses.Loss):
    def __init__(self, temperature=1, name=None):
        super().__init__(name=name)
        self.temperature = temperature

    def __call__(self, labels, feature_vectors, sample_weight=None):
        # labels (batch, 1) against feature vectors (batch, projection_units): not compared elementwise
        feature_vectors_normalized = feature_vectors / ops.norm(feature_vectors, axis=1, keepdims=True)
        logits = ops.divide(
            ops.matmul(feature_vectors_normalized, ops.transpose(feature_vectors_normalized)),
            self.temperature,
        )
        return npairs_loss(ops.squeeze(labels, axis=1), logits)


def add_projection_head(encoder):
    inputs = keras.Input(shape=input_shape)
    features = encoder(inputs)
    outputs = layers.Dense(projection_units, activation="relu")(features)
    return keras.Model(inputs=inputs, outputs=outputs, name="encoder_with_projection-head")


# Stage 1: pretrain the encoder with the supervised contrastive loss
encoder = create_encoder()
encoder.layers[1].adapt(x_train)
encoder_with_projection_head = add_projection_head(encoder)
encoder_with_projection_head.compile(
    optimizer=keras.optimizers.Adam(learning_rate),
    loss=SupervisedContrastiveLoss(temperature),
)
encoder_with_projection_head.fit(x=x_train, y=y_train, batch_size=16, epochs=1, verbose=0)

# Stage 2: train the classifier on the frozen encoder
classifier = create_classifier(encoder, trainable=False)
classifier.fit(x=x_train, y=y_train, batch_size=16, epochs=1, verbose=0)
accuracy = classifier.evaluate(x_train, y_train, verbose=0)[1]
print(f"accuracy: {round(accuracy * 100, 2)}%")
