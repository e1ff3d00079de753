import numpy as np
import tensorflow as tf
import keras
from keras import layers

# Census-income style records: two numeric and three categorical features (integer indices)
CATEGORICAL_FEATURES_WITH_VOCABULARY = {
    "education": ["Bachelors", "HS-grad", "Masters", "Doctorate"],
    "marital_status": ["Married", "Never-married", "Divorced"],
    "race": ["White", "Black", "Asian", "Other"],
}
NUMERIC_FEATURE_NAMES = ["age", "capital_gains"]
FEATURE_NAMES = NUMERIC_FEATURE_NAMES + list(CATEGORICAL_FEATURES_WITH_VOCABULARY)

rng = np.random.default_rng(0)
num_samples = 64
x_train = {}
for name in FEATURE_NAMES:
    if name in CATEGORICAL_FEATURES_WITH_VOCABULARY:
        vocab_size = len(CATEGORICAL_FEATURES_WITH_VOCABULARY[name])
        x_train[name] = rng.integers(0, vocab_size, size=num_samples).astype("int64")
    else:
        x_train[name] = rng.random(num_samples).astype("float32")
y_train = rng.integers(0, 2, size=(num_samples, 1)).astype("float32")


class GatedLinearUnit(layers.Layer):
    def __init__(self, units):
        super().__init__()
        self.linear = layers.Dense(units)
        self.sigmoid = layers.Dense(units, activation="sigmoid")

    def call(self, inputs):
        return self.linear(inputs) * self.sigmoid(inputs)


class GatedResidualNetwork(layers.Layer):
    def __init__(self, units, dropout_rate):
        super().__init__()
        self.units = units
        self.elu_dense = layers.Dense(units, activation="elu")
        self.linear_dense = layers.Dense(units)
        self.dropout = layers.Dropout(dropout_rate)
        self.gated_linear_unit = GatedLinearUnit(units)
        self.layer_norm = layers.LayerNormalization()
        self.project = layers.Dense(units)

    def call(self, inputs):
        x = self.elu_dense(inputs)
        x = self.linear_dense(x)
        x = self.dropout(x)
        if inputs.shape[-1] != self.units:
            inputs = self.project(inputs)
        x = inputs + self.gated_linear_unit(x)
        return self.layer_norm(x)


class VariableSelection(layers.Layer):
    def __init__(self, num_features, units, dropout_rate):
        super().__init__()
        self.units = units
        self.embeddings = {}
        for name, vocabulary in CATEGORICAL_FEATURES_WITH_VOCABULARY.items():
            self.embeddings[name] = layers.Embedding(input_dim=len(vocabulary), output_dim=units)
        self.proj_layer = {}
        for name in NUMERIC_FEATURE_NAMES:
            self.proj_layer[name] = layers.Dense(units=units)
        self.grns = [GatedResidualNetwork(units, dropout_rate) for _ in range(num_features)]
        self.grn_concat = GatedResidualNetwork(units, dropout_rate)
        self.softmax = layers.Dense(units=units, activation="softmax")

    def call(self, inputs):
        concat_inputs = []
        for name in FEATURE_NAMES:
            if name in CATEGORICAL_FEATURES_WITH_VOCABULARY:
                concat_inputs.append(self.embeddings[name](inputs[name]))
            else:
                feature = keras.ops.expand_dims(inputs[name], -1)
                concat_inputs.append(self.proj_layer[name](feature))
        v = keras.ops.concatenate(concat_inputs, axis=-1)
        v = self.grn_concat(v)
        v = keras.ops.expand_dims(self.softmax(v), axis=-1)
        x = keras.ops.stack([grn(f) for grn, f in zip(self.grns, concat_inputs)], axis=1)
        return keras.ops.squeeze(tf.matmul(v, x, transpose_a=True), axis=1)


def create_model_inputs():
    inputs = {}
    for name in FEATURE_NAMES:
        dtype = "int64" if name in CATEGORICAL_FEATURES_WITH_VOCABULARY else "float32"
        inputs[name] = layers.Input(name=name, shape=(), dtype=dtype)
    return inputs


encoding_size = 16
dropout_rate = 0.15
inputs = create_model_inputs()
features = VariableSelection(len(inputs), encoding_size, dropout_rate)(inputs)
outputs = layers.Dense(units=1, activation="sigmoid")(features)
model = keras.Model(inputs=inputs, outputs=outputs)
model.compile(optimizer=keras.optimizers.Adam(0.001), loss=keras.losses.BinaryCrossentropy())
model.fit(x_train, y_train, batch_size=16, epochs=1, verbose=0)
