import math

import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

rng = np.random.default_rng(850)
N = 256

CATEGORICAL_FEATURES_WITH_VOCABULARY = {
    "workclass": ["Private", "Self-emp", "Federal-gov", "Local-gov", "State-gov"],
    "education": ["HS-grad", "Some-college", "Bachelors", "Masters", "Doctorate",
                  "Assoc-voc", "11th", "9th", "Prof-school"],
    "marital_status": ["Married", "Never-married", "Divorced", "Widowed"],
}
NUMERIC_FEATURE_NAMES = ["age", "hours_per_week", "capital_gain"]
FEATURE_NAMES = NUMERIC_FEATURE_NAMES + list(CATEGORICAL_FEATURES_WITH_VOCABULARY)

train_data = {name: rng.normal(size=N).astype("float32") for name in NUMERIC_FEATURE_NAMES}
for name, vocab in CATEGORICAL_FEATURES_WITH_VOCABULARY.items():
    train_data[name] = rng.choice(vocab, size=N)
train_target = (rng.random(N) > 0.75).astype("float32")


def create_model_inputs():
    inputs = {}
    for feature_name in FEATURE_NAMES:
        if feature_name in NUMERIC_FEATURE_NAMES:
            inputs[feature_name] = layers.Input(name=feature_name, shape=(), dtype="float32")
        else:
            inputs[feature_name] = layers.Input(name=feature_name, shape=(), dtype="string")
    return inputs


def create_embedding_encoder():
    inputs = create_model_inputs()
    encoded_features = []
    for feature_name in inputs:
        if feature_name in CATEGORICAL_FEATURES_WITH_VOCABULARY:
            vocabulary = CATEGORICAL_FEATURES_WITH_VOCABULARY[feature_name]
            lookup = layers.StringLookup(vocabulary=vocabulary, mask_token=None, num_oov_indices=0)
            value_index = lookup(inputs[feature_name])
            embedding_size = int(math.sqrt(len(vocabulary)))
            feature_encoder = layers.Embedding(input_dim=len(vocabulary), output_dim=embedding_size)
            encoded_feature = feature_encoder(value_index)
        else:
            # numerical features are used as-is
            encoded_feature = inputs[feature_name]
        encoded_features.append(encoded_feature)
    encoded_features = layers.concatenate(encoded_features, axis=1)
    return keras.Model(inputs=inputs, outputs=encoded_features)


def create_linear_model(encoder):
    inputs = create_model_inputs()
    linear_output = layers.Dense(units=1, activation="sigmoid")(encoder(inputs))
    linear_model = keras.Model(inputs=inputs, outputs=linear_output)
    linear_model.compile(
        optimizer=keras.optimizers.Adam(),
        loss=keras.losses.BinaryCrossentropy(),
        metrics=[keras.metrics.BinaryAccuracy("accuracy")],
    )
    return linear_model


embedding_encoder = create_embedding_encoder()
linear_model = create_linear_model(embedding_encoder)
train_ds = tf.data.Dataset.from_tensor_slices((train_data, train_target)).batch(64)
linear_model.fit(train_ds, epochs=2, verbose=0)
print(embedding_encoder.predict(train_ds.take(1).map(lambda x, y: x), verbose=0).shape)
