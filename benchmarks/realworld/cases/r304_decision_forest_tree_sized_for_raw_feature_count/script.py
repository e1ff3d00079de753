import math

import numpy as np
import tensorflow as tf
import keras
from keras import layers

# Census income stand-in: 3 numeric columns and 2 categorical columns (integer-coded), binary target
NUMERIC_FEATURE_NAMES = ["age", "education_num", "hours_per_week"]
CATEGORICAL_FEATURES_WITH_VOCABULARY = {"workclass": 9, "occupation": 15}
FEATURE_NAMES = NUMERIC_FEATURE_NAMES + list(CATEGORICAL_FEATURES_WITH_VOCABULARY.keys())
rng = np.random.default_rng(0)
n = 256
train_x = {name: rng.normal(size=(n,)).astype("float32") for name in NUMERIC_FEATURE_NAMES}
train_x.update({name: rng.integers(0, size, (n,)) for name, size in CATEGORICAL_FEATURES_WITH_VOCABULARY.items()})
train_y = rng.integers(0, 2, n)
train_dataset = tf.data.Dataset.from_tensor_slices((train_x, train_y)).batch(64)

depth = 4
used_features_rate = 0.5
num_classes = 2


def create_model_inputs():
    inputs = {}
    for feature_name in FEATURE_NAMES:
        if feature_name in NUMERIC_FEATURE_NAMES:
            inputs[feature_name] = layers.Input(name=feature_name, shape=(), dtype="float32")
        else:
            inputs[feature_name] = layers.Input(name=feature_name, shape=(), dtype="int32")
    return inputs


def encode_inputs(inputs):
    encoded_features = []
    for feature_name in inputs:
        if feature_name in CATEGORICAL_FEATURES_WITH_VOCABULARY:
            vocabulary_size = CATEGORICAL_FEATURES_WITH_VOCABULARY[feature_name]
            embedding_dims = int(math.sqrt(vocabulary_size))
            embedding = layers.Embedding(input_dim=vocabulary_size, output_dim=embedding_dims)
            encoded_feature = embedding(inputs[feature_name])
        else:
            encoded_feature = keras.ops.expand_dims(inputs[feature_name], -1)
        encoded_features.append(encoded_feature)
    return layers.concatenate(encoded_features)


class NeuralDecisionTree(keras.Model):
    def __init__(self, depth, num_features, used_features_rate, num_classes):
        super().__init__()
        self.depth = depth
        self.num_leaves = 2**depth
        self.num_classes = num_classes
        # Create a mask for the randomly selected features.
        num_used_features = int(num_features * used_features_rate)
        one_hot = np.eye(num_features)
        sampled_feature_indices = np.random.choice(np.arange(num_features), num_used_features, replace=False)
        self.used_features_mask = keras.ops.convert_to_tensor(one_hot[sampled_feature_indices], dtype="float32")
        # Initialize the weights of the classes in leaves.
        self.pi = self.add_weight(initializer="random_normal", shape=[self.num_leaves, self.num_classes],
                                  dtype="float32", trainable=True)
        # Initialize the stochastic routing layer.
        self.decision_fn = layers.Dense(units=self.num_leaves, activation="sigmoid", name="decision")

    def call(self, features):
        batch_size = keras.ops.shape(features)[0]
        # Apply the feature mask to the input features.
        features = keras.ops.matmul(features, keras.ops.transpose(self.used_features_mask))
        decisions = keras.ops.expand_dims(self.decision_fn(features), axis=2)
        decisions = layers.concatenate([decisions, 1 - decisions], axis=2)
        mu = keras.ops.ones([batch_size, 1, 1])
        begin_idx = 1
        end_idx = 2
        for level in range(self.depth):
            mu = keras.ops.reshape(mu, [batch_size, -1, 1])
            mu = keras.ops.tile(mu, (1, 1, 2))
            level_decisions = decisions[:, begin_idx:end_idx, :]
            mu = mu * level_decisions
            begin_idx = end_idx
            end_idx = begin_idx + 2 ** (level + 1)
        mu = keras.ops.reshape(mu, [batch_size, self.num_leaves])
        probabilities = keras.activations.softmax(self.pi)
        return keras.ops.matmul(mu, probabilities)


def create_tree_model():
    inputs = create_model_inputs()
    features = encode_inputs(inputs)
    features = layers.BatchNormalization()(features)
    num_features = len(FEATURE_NAMES)
    tree = NeuralDecisionTree(depth, num_features, used_features_rate, num_classes)
    outputs = tree(features)
    return keras.Model(inputs=inputs, outputs=outputs)


tree_model = create_tree_model()
tree_model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                   loss=keras.losses.SparseCategoricalCrossentropy(),
                   metrics=[keras.metrics.SparseCategoricalAccuracy()])
tree_model.fit(train_dataset, epochs=2, verbose=0)
