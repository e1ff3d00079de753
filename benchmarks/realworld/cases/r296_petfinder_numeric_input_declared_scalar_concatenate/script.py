import numpy as np
import tensorflow as tf

# PetFinder stand-in: two numeric columns, one integer and one string categorical column,
# target 1 = adopted; every feature is stored as a column of shape (n, 1)
rng = np.random.default_rng(0)
n = 200
data = {
    "PhotoAmt": rng.integers(0, 10, (n, 1)).astype("float32"),
    "Fee": rng.integers(0, 300, (n, 1)).astype("float32"),
    "Age": rng.integers(1, 60, (n, 1)).astype("int64"),
    "Type": rng.choice(["Cat", "Dog"], (n, 1)),
}
target = rng.integers(0, 2, n)
train_ds = tf.data.Dataset.from_tensor_slices((data, target)).batch(32)


def get_normalization_layer(name, dataset):
    normalizer = tf.keras.layers.Normalization(axis=None)
    feature_ds = dataset.map(lambda x, y: x[name])
    normalizer.adapt(feature_ds)
    return normalizer


def get_category_encoding_layer(name, dataset, dtype, max_tokens=None):
    if dtype == "string":
        index = tf.keras.layers.StringLookup(max_tokens=max_tokens)
    else:
        index = tf.keras.layers.IntegerLookup(max_tokens=max_tokens)
    feature_ds = dataset.map(lambda x, y: x[name])
    index.adapt(feature_ds)
    encoder = tf.keras.layers.CategoryEncoding(num_tokens=index.vocabulary_size())
    return lambda feature: encoder(index(feature))


all_inputs = []
encoded_features = []

# Numerical features.
for header in ["PhotoAmt", "Fee"]:
    numeric_col = tf.keras.Input(shape=(), name=header)
    normalization_layer = get_normalization_layer(header, train_ds)
    encoded_numeric_col = normalization_layer(numeric_col)
    all_inputs.append(numeric_col)
    encoded_features.append(encoded_numeric_col)

age_col = tf.keras.Input(shape=(1,), name="Age", dtype="int64")
encoding_layer = get_category_encoding_layer("Age", train_ds, dtype="int64", max_tokens=5)
encoded_age_col = encoding_layer(age_col)
all_inputs.append(age_col)
encoded_features.append(encoded_age_col)

type_col = tf.keras.Input(shape=(1,), name="Type", dtype="string")
encoding_layer = get_category_encoding_layer("Type", train_ds, dtype="string", max_tokens=5)
encoded_type_col = encoding_layer(type_col)
all_inputs.append(type_col)
encoded_features.append(encoded_type_col)

all_features = tf.keras.layers.concatenate(encoded_features)
x = tf.keras.layers.Dense(32, activation="relu")(all_features)
x = tf.keras.layers.Dropout(0.5)(x)
output = tf.keras.layers.Dense(1)(x)

model = tf.keras.Model(all_inputs, output)
model.compile(optimizer="adam",
              loss=tf.keras.losses.BinaryCrossentropy(from_logits=True),
              metrics=["accuracy"])
model.fit(train_ds, epochs=2, verbose=0)
