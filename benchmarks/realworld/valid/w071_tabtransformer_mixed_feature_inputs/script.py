import numpy as np
import keras
from keras import layers, ops

# US census-like rows: 5 numeric features and 4 categorical features (already integer-encoded)
NUMERIC_FEATURE_NAMES = ["age", "education_num", "capital_gain", "capital_loss", "hours_per_week"]
CATEGORICAL_FEATURES_WITH_VOCABULARY = {"workclass": 9, "marital_status": 7, "occupation": 15, "race": 5}
n = 256
train_x = {name: np.random.rand(n, 1).astype("float32") for name in NUMERIC_FEATURE_NAMES}
train_x.update({name: np.random.randint(0, v, size=(n, 1)) for name, v in CATEGORICAL_FEATURES_WITH_VOCABULARY.items()})
train_y = np.random.randint(0, 2, size=(n, 1)).astype("float32")

NUM_TRANSFORMER_BLOCKS = 2
NUM_HEADS = 4
EMBEDDING_DIMS = 16
MLP_HIDDEN_UNITS_FACTORS = [2, 1]
DROPOUT_RATE = 0.2


def create_model_inputs():
    inputs = {name: layers.Input(name=name, shape=(1,), dtype="float32") for name in NUMERIC_FEATURE_NAMES}
    inputs.update({name: layers.Input(name=name, shape=(1,), dtype="int32") for name in CATEGORICAL_FEATURES_WITH_VOCABULARY})
    return inputs


def encode_inputs(inputs, embedding_dims):
    encoded_categorical_feature_list, numerical_feature_list = [], []
    for feature_name, vocabulary_size in CATEGORICAL_FEATURES_WITH_VOCABULARY.items():
        embedding = layers.Embedding(input_dim=vocabulary_size, output_dim=embedding_dims)
        encoded_categorical_feature_list.append(layers.Reshape((embedding_dims,))(embedding(inputs[feature_name])))
    for feature_name in NUMERIC_FEATURE_NAMES:
        numerical_feature_list.append(inputs[feature_name])
    return encoded_categorical_feature_list, numerical_feature_list


def create_mlp(hidden_units, dropout_rate, activation, normalization_layer, name=None):
    mlp_layers = []
    for units in hidden_units:
        mlp_layers.append(normalization_layer())
        mlp_layers.append(layers.Dense(units, activation=activation))
        mlp_layers.append(layers.Dropout(dropout_rate))
    return keras.Sequential(mlp_layers, name=name)


def create_tabtransformer_classifier(num_transformer_blocks, num_heads, embedding_dims, mlp_hidden_units_factors, dropout_rate):
    inputs = create_model_inputs()
    encoded_categorical_feature_list, numerical_feature_list = encode_inputs(inputs, embedding_dims)
    encoded_categorical_features = ops.stack(encoded_categorical_feature_list, axis=1)
    numerical_features = layers.concatenate(numerical_feature_list)

    for block_idx in range(num_transformer_blocks):
        attention_output = layers.MultiHeadAttention(num_heads=num_heads, key_dim=embedding_dims, dropout=dropout_rate)(
            encoded_categorical_features, encoded_categorical_features)
        x = layers.Add()([attention_output, encoded_categorical_features])
        x = layers.LayerNormalization(epsilon=1e-6)(x)
        feedforward_output = create_mlp([embedding_dims], dropout_rate, keras.activations.gelu,
                                        lambda: layers.LayerNormalization(epsilon=1e-6))(x)
        x = layers.Add()([feedforward_output, x])
        encoded_categorical_features = layers.LayerNormalization(epsilon=1e-6)(x)

    categorical_features = layers.Flatten()(encoded_categorical_features)
    numerical_features = layers.LayerNormalization(epsilon=1e-6)(numerical_features)
    features = layers.concatenate([categorical_features, numerical_features])

    mlp_hidden_units = [factor * features.shape[-1] for factor in mlp_hidden_units_factors]
    features = create_mlp(mlp_hidden_units, dropout_rate, keras.activations.selu, layers.BatchNormalization, name="MLP")(features)
    outputs = layers.Dense(units=1, activation="sigmoid", name="sigmoid")(features)
    return keras.Model(inputs=inputs, outputs=outputs)


tabtransformer_model = create_tabtransformer_classifier(NUM_TRANSFORMER_BLOCKS, NUM_HEADS, EMBEDDING_DIMS,
                                                        MLP_HIDDEN_UNITS_FACTORS, DROPOUT_RATE)
tabtransformer_model.compile(optimizer=keras.optimizers.AdamW(learning_rate=0.001, weight_decay=0.0001),
                             loss=keras.losses.BinaryCrossentropy(), metrics=[keras.metrics.BinaryAccuracy(name="accuracy")])
tabtransformer_model.fit(train_x, train_y, batch_size=64, epochs=1, verbose=0)
_, accuracy = tabtransformer_model.evaluate(train_x, train_y, verbose=0)
print(f"accuracy: {round(accuracy * 100, 2)}%")
