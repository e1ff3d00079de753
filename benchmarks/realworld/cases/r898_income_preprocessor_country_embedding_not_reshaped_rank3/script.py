import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

rng = np.random.default_rng(5)
n = 300
countries = np.array([" United-States", " Mexico", " India", " Germany", " Canada", " Philippines"])

NUMERICAL_FEATURES = ["education_num", "capital_gain", "hours_per_week", "fnlwgt"]
FEATURES_TO_DISCRETIZE = ["age"]
FEATURES_TO_EMBED = ["native_country"]

train_data_dict = {
    "education_num": rng.integers(1, 17, (n, 1)).astype("float32"),
    "capital_gain": rng.exponential(1000, (n, 1)).astype("float32"),
    "hours_per_week": rng.integers(10, 80, (n, 1)).astype("float32"),
    "fnlwgt": rng.normal(190000, 50000, (n, 1)).astype("float32"),
    "age": rng.integers(17, 90, (n, 1)).astype("float32"),
    "native_country": countries[rng.integers(0, len(countries), (n, 1))],
}
train_labels_binary = rng.integers(0, 2, n).astype("float32")

input_dict = {f: tf.keras.Input(shape=(1,), dtype="float32", name=f) for f in NUMERICAL_FEATURES}
input_dict.update({f: tf.keras.Input(shape=(1,), dtype="float32", name=f) for f in FEATURES_TO_DISCRETIZE})
input_dict.update({f: tf.keras.Input(shape=(1,), dtype="string", name=f) for f in FEATURES_TO_EMBED})


class FeaturePreprocessor(tf.keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.normalizer = {feature: layers.Normalization() for feature in NUMERICAL_FEATURES}
        self.discretizer = {
            feature: layers.Discretization(num_bins=10) for feature in FEATURES_TO_DISCRETIZE
        }
        self.embedding_string_lookup = {feature: layers.StringLookup() for feature in FEATURES_TO_EMBED}

    def apply_preprocessor(self, inputs, preprocessor_dict):
        return tf.keras.layers.concatenate(
            [preprocessor(inputs[feature]) for feature, preprocessor in preprocessor_dict.items()]
        )

    def adapt(self, data):
        for feature, preprocessor in self.normalizer.items():
            preprocessor.adapt(data[feature])
        for feature, preprocessor in self.discretizer.items():
            preprocessor.adapt(data[feature])
        for feature, preprocessor in self.embedding_string_lookup.items():
            preprocessor.adapt(data[feature])

        vocabulary_size = preprocessor.vocabulary_size()
        embedding_size = int(np.sqrt(vocabulary_size))
        self.embedding = tf.keras.Sequential(
            [
                tf.keras.Input(shape=(1,), dtype="string"),
                self.embedding_string_lookup[FEATURES_TO_EMBED[0]],
                layers.Embedding(input_dim=vocabulary_size, output_dim=embedding_size),
            ]
        )

    def call(self, inputs):
        numerical_features = self.apply_preprocessor(inputs, self.normalizer)
        embedding_features = self.embedding(inputs[FEATURES_TO_EMBED[0]])
        discretize_features = self.apply_preprocessor(inputs, self.discretizer)
        discretize_features = tf.cast(discretize_features, dtype=tf.float32)
        return tf.keras.layers.concatenate(
            [numerical_features, discretize_features, embedding_features]
        )


preprocessing_layer = FeaturePreprocessor()
preprocessing_layer.adapt(train_data_dict)
preprocessed_inputs = preprocessing_layer(input_dict)
preprocessing_model = tf.keras.Model(input_dict, preprocessed_inputs)

x = tf.keras.layers.Dense(32, activation="relu")(preprocessed_inputs)
x = tf.keras.layers.Dense(16, activation="relu")(x)
outputs = tf.keras.layers.Dense(1, activation="sigmoid")(x)
training_model = tf.keras.Model(inputs=preprocessed_inputs, outputs=outputs)
training_model.compile(
    loss=tf.keras.losses.BinaryCrossentropy(),
    optimizer=tf.keras.optimizers.RMSprop(learning_rate=0.001),
    metrics=[tf.keras.metrics.BinaryAccuracy(name="accuracy")],
)
training_model.fit(preprocessing_model(train_data_dict), train_labels_binary, epochs=2, verbose=0)
print("trained")
