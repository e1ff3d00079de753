import math
import numpy as np
import keras
from keras import layers

NUMERIC_FEATURE_NAMES = ["Aspect", "Elevation", "Slope", "Hillshade_Noon"]
CATEGORICAL_FEATURES_WITH_VOCABULARY = {"Soil_Type": 40, "Wilderness_Area": 4}
CATEGORICAL_FEATURE_NAMES = list(CATEGORICAL_FEATURES_WITH_VOCABULARY.keys())
FEATURE_NAMES = NUMERIC_FEATURE_NAMES + CATEGORICAL_FEATURE_NAMES
NUM_CLASSES = 7
hidden_units = [32, 32]
dropout_rate = 0.1

rng = np.random.default_rng(5)
n = 256
train_features = {name: rng.normal(size=(n, 1)).astype("float32") for name in NUMERIC_FEATURE_NAMES}
for name, size in CATEGORICAL_FEATURES_WITH_VOCABULARY.items():
    train_features[name] = rng.integers(0, size, size=(n,))
train_labels = rng.integers(0, NUM_CLASSES, size=(n,))


def create_model_inputs():
    inputs = {}
    for feature_name in FEATURE_NAMES:
        if feature_name in NUMERIC_FEATURE_NAMES:
            inputs[feature_name] = layers.Input(name=feature_name, shape=(1,), dtype="float32")
        else:
            inputs[feature_name] = layers.Input(name=feature_name, shape=(1,), dtype="int32")
    return inputs


def encode_inputs(inputs):
    encoded_features = []
    for feature_name in inputs:
        if feature_name in CATEGORICAL_FEATURE_NAMES:
            vocabulary_size = CATEGORICAL_FEATURES_WITH_VOCABULARY[feature_name]
            embedding_dims = int(math.sqrt(vocabulary_size))
            embedding_encoder = layers.Embedding(input_dim=vocabulary_size, output_dim=embedding_dims)
            encoded_feature = embedding_encoder(inputs[feature_name])
        else:
            encoded_feature = inputs[feature_name]
        encoded_features.append(encoded_feature)
    return layers.concatenate(encoded_features)


def create_deep_and_cross_model():
    inputs = create_model_inputs()
    x0 = encode_inputs(inputs)

    cross = x0
    for _ in hidden_units:
        units = cross.shape[-1]
        x = layers.Dense(units)(cross)
        cross = layers.Add()([layers.Multiply()([x0, x]), cross])
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
    optimizer=keras.optimizers.Adam(learning_rate=0.001),
    loss=keras.losses.SparseCategoricalCrossentropy(),
    metrics=[keras.metrics.SparseCategoricalAccuracy()],
)
history = deep_and_cross_model.fit(train_features, train_labels, batch_size=64, epochs=1)
_, accuracy = deep_and_cross_model.evaluate(train_features, train_labels, verbose=0)
print(f"Test accuracy: {round(accuracy * 100, 2)}%")
