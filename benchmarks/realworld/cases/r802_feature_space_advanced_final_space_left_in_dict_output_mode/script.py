# Bank-marketing style term-deposit classifier with an advanced FeatureSpace: indexed
# string and integer categories, hashed and discretized numbers, normalized floats
# and feature crosses, applied in the tf.data pipeline before a small dense model.
import numpy as np
import tensorflow as tf
import keras
from keras.utils import FeatureSpace

gen = np.random.default_rng(802)
n = 200
columns = {
    "age": gen.integers(18, 80, n).astype("float32"),
    "job": gen.choice(["admin.", "blue-collar", "technician", "services"], n),
    "marital": gen.choice(["married", "single", "divorced"], n),
    "housing": gen.choice(["yes", "no"], n),
    "loan": gen.choice(["yes", "no"], n),
    "poutcome": gen.choice(["nonexistent", "failure", "success"], n),
    "pdays": gen.choice([3, 6, 999], n),
    "campaign": gen.integers(1, 10, n).astype("float32"),
    "euribor3m": gen.normal(3.0, 1.5, n).astype("float32"),
    "previously_contacted": gen.integers(0, 2, n),
}
subscribed = gen.integers(0, 2, n)


def columns_to_dataset(rows):
    feats = {name: values[rows] for name, values in columns.items()}
    ds = tf.data.Dataset.from_tensor_slices((feats, subscribed[rows]))
    return ds.shuffle(buffer_size=len(rows))


order = gen.permutation(n)
train_ds = columns_to_dataset(order[:160]).batch(32)
valid_ds = columns_to_dataset(order[160:]).batch(32)

feature_space = FeatureSpace(
    features={
        "previously_contacted": FeatureSpace.integer_categorical(num_oov_indices=0),
        "marital": FeatureSpace.string_categorical(num_oov_indices=0),
        "housing": FeatureSpace.string_categorical(num_oov_indices=0),
        "loan": FeatureSpace.string_categorical(num_oov_indices=0),
        "poutcome": FeatureSpace.string_categorical(num_oov_indices=0),
        "job": FeatureSpace.string_hashed(num_bins=3),
        "pdays": FeatureSpace.integer_hashed(num_bins=4),
        "age": FeatureSpace.float_discretized(num_bins=4),
        "campaign": FeatureSpace.float_normalized(),
        "euribor3m": FeatureSpace.float_normalized(),
    },
    crosses=[
        FeatureSpace.cross(feature_names=("age", "job"), crossing_dim=8),
        FeatureSpace.cross(feature_names=("housing", "loan"), crossing_dim=6),
    ],
    output_mode="dict",
)
feature_space.adapt(train_ds.map(lambda x, _: x))

prep_train = train_ds.map(lambda x, y: (feature_space(x), y), num_parallel_calls=tf.data.AUTOTUNE)
prep_valid = valid_ds.map(lambda x, y: (feature_space(x), y), num_parallel_calls=tf.data.AUTOTUNE)

encoded = feature_space.get_encoded_features()
h = keras.layers.Dense(64, activation="relu")(encoded)
h = keras.layers.Dropout(0.5)(h)
subscribe = keras.layers.Dense(1, activation="sigmoid")(h)
model = keras.Model(inputs=encoded, outputs=subscribe)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(prep_train, validation_data=prep_valid, epochs=2, verbose=0)
print(model.evaluate(prep_valid, verbose=0))
