"""Deep & Cross network for forest cover type classification (numeric + categorical features)."""
import math

import numpy as np
import tensorflow as tf
import keras
from keras import layers

NUMERIC_FEATURE_NAMES = ["Aspect", "Elevation", "Slope", "Horizontal_Distance_To_Hydrology"]
CATEGORICAL_FEATURES_WITH_VOCABULARY = {
    "Soil_Type": [f"soil_{i}" for i in range(9)],
    "Wilderness_Area": ["area_1", "area_2", "area_3", "area_4"],
}
CATEGORICAL_FEATURE_NAMES = list(CATEGORICAL_FEATURES_WITH_VOCABULARY.keys())
FEATURE_NAMES = NUMERIC_FEATURE_NAMES + CATEGORICAL_FEATURE_NAMES
NUM_CLASSES = 7

learning_rate = 0.001
dropout_rate = 0.1
batch_size = 32
hidden_units = [32, 32]

rng = np.random.default_rng(1)
n = 256
train_features = {name: rng.normal(size=n).astype("float32") for name in NUMERIC_FEATURE_NAMES}
for name, vocabulary in CATEGORICAL_FEATURES_WITH_VOCABULARY.items():
    train_features[name] = rng.choice(vocabulary, size=n)
train_labels = rng.integers(0, NUM_CLASSES, size=n)
train_dataset = tf.data.Dataset.from_tensor_slices((train_features, train_labels)).batch(batch_size)


def create_model_inputs():
    inputs = {}
    for feature_name in FEATURE_NAMES:
        if feature_name in NUMERIC_FEATURE_NAMES:
            inputs[feature_name] = layers.Input(name=feature_name, shape=(), dtype="float32")
        else:
            inputs[feature_name] = layers.Input(name=feature_name, shape=(), dtype="string")
    return inputs


def encode_inputs(inputs):
    encoded_features = []
    for feature_name in inputs:
        if feature_name in CATEGORICAL_FEATURE_NAMES:
            vocabulary = CATEGORICAL_FEATURES_WITH_VOCABULARY[feature_name]
            lookup = layers.StringLookup(vocabulary=vocabulary, mask_token=None, num_oov_indices=0)
            encoded_feature = lookup(inputs[feature_name])
            embedding_dims = int(math.sqrt(len(vocabulary)))
            embedding = layers.Embedding(input_dim=len(vocabulary), output_dim=embedding_dims)
            encoded_feature = embedding(encoded_feature)
        else:
            encoded_feature = keras.ops.expand_dims(inputs[feature_name], -1)
        encoded_features.append(encoded_feature)
    return layers.concatenate(encoded_features)


def create_deep_and_cross_model():
    inputs = create_model_inputs()
    x0 = encode_inputs(inputs)

    cross = x0
    for units in hidden_units:
        x = layers.Dense(units)(cross)
        cross = x0 * x + cross
    cross = layers.BatchNormalization()(cross)

    deep = x0
    for units in hidden_units:
        deep = layers.Dense(units)(deep)
        deep = layers.BatchNormalization()(deep)
        deep = layers.ReLU()(deep)
        deep = layers.Dropout(dropout_rate)(deep)

    merged = layers.concatenate([cross, deep])
    outputs = layers.Dense(units=NUM_CLASSES, activation="softmax")(merged)
    return keras.Model(inputs=inputs, outputs=outputs)


deep_and_cross_model = create_deep_and_cross_model()
deep_and_cross_model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
    loss=keras.losses.SparseCategoricalCrossentropy(),
    metrics=[keras.metrics.SparseCategoricalAccuracy()],
)
deep_and_cross_model.fit(train_dataset, epochs=1, verbose=2)
_, accuracy = deep_and_cross_model.evaluate(train_dataset, verbose=0)
print(f"Train accuracy: {round(accuracy * 100, 2)}%")
