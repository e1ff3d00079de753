# Heart-disease style tabular classifier: one Input per column, each numeric column
# normalized by its own Normalization layer adapted on that column of the training
# dataset, the categorical column one-hot encoded in the tf.data pipeline.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(303)
table = {
    "age": rng.integers(30, 78, size=120).astype("float32"),
    "chol": rng.normal(240, 40, size=120).astype("float32"),
    "thalach": rng.normal(150, 20, size=120).astype("float32"),
    "cp": rng.integers(0, 4, size=120),
    "target": rng.integers(0, 2, size=120),
}
NUMERIC = ["age", "chol", "thalach"]
CP_VOCAB = [0, 1, 2, 3]
cp_lookup = layers.IntegerLookup(vocabulary=CP_VOCAB, mask_token=None, num_oov_indices=0,
                                 output_mode="binary")


def one_hot_categoricals(features, target):
    features = dict(features)
    features["cp"] = cp_lookup(features["cp"])
    return features, target


def rows_to_dataset(start, stop):
    columns = {k: v[start:stop] for k, v in table.items() if k != "target"}
    labels = table["target"][start:stop]
    ds = tf.data.Dataset.from_tensor_slices((columns, labels)).map(one_hot_categoricals)
    return ds.shuffle(buffer_size=stop - start)


train_ds = rows_to_dataset(0, 96).batch(32)
val_ds = rows_to_dataset(96, 120).batch(32)


def normalize_numeric(feature_input, name, dataset):
    normalizer = layers.Normalization()
    column_ds = dataset.map(lambda x, y: x[name])
    normalizer.adapt(column_ds)
    return normalizer(feature_input)


inputs, encoded = {}, []
for name in NUMERIC:
    inputs[name] = keras.Input(name=name, shape=(1,), dtype="float32")
    encoded.append(normalize_numeric(inputs[name], name, train_ds))
inputs["cp"] = keras.Input(name="cp", shape=(len(CP_VOCAB),), dtype="int64")
encoded.append(layers.Lambda(lambda t: tf.cast(t, "float32"))(inputs["cp"]))

x = layers.concatenate(encoded)
x = layers.Dense(32, activation="relu")(x)
x = layers.Dropout(0.5)(x)
output = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, output)
model.compile("adam", "binary_crossentropy", metrics=["accuracy"])
model.fit(train_ds, epochs=2, validation_data=val_ds, verbose=0)
