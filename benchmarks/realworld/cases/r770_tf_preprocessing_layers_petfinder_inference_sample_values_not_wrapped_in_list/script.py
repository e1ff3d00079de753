# Pet adoption classifier (TensorFlow "Classify structured data using Keras
# preprocessing layers" tutorial style): a table of columns becomes a tf.data dataset of
# feature dicts, numeric columns are normalized, categorical columns are looked up and
# one-hot encoded, everything is concatenated into a small Dense model; then one new
# pet is scored.
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(41)
n = 200
columns = {
    "Type": rng.choice(["Cat", "Dog"], size=n),
    "Age": rng.integers(1, 60, size=n),
    "Breed1": rng.choice(["Tabby", "Mixed Breed", "Domestic Short Hair", "Terrier"], size=n),
    "Color1": rng.choice(["Black", "Brown", "White", "Golden"], size=n),
    "PhotoAmt": rng.integers(0, 10, size=n),
    "Fee": rng.integers(0, 300, size=n),
    "target": rng.integers(0, 2, size=n),
}


def df_to_dataset(table, shuffle=True, batch_size=32):
    table = dict(table)
    labels = table.pop("target")
    table = {key: value[:, tf.newaxis] for key, value in table.items()}
    ds = tf.data.Dataset.from_tensor_slices((table, labels))
    if shuffle:
        ds = ds.shuffle(buffer_size=len(labels))
    return ds.batch(batch_size).prefetch(batch_size)


def get_normalization_layer(name, dataset):
    normalizer = tf.keras.layers.Normalization(axis=None)
    normalizer.adapt(dataset.map(lambda x, y: x[name]))
    return normalizer


def get_category_encoding_layer(name, dataset, dtype, max_tokens=None):
    if dtype == "string":
        index = tf.keras.layers.StringLookup(max_tokens=max_tokens)
    else:
        index = tf.keras.layers.IntegerLookup(max_tokens=max_tokens)
    index.adapt(dataset.map(lambda x, y: x[name]))
    encoder = tf.keras.layers.CategoryEncoding(num_tokens=index.vocabulary_size())
    return lambda feature: encoder(index(feature))


train_ds = df_to_dataset({k: v[:160] for k, v in columns.items()})
val_ds = df_to_dataset({k: v[160:] for k, v in columns.items()}, shuffle=False)

all_inputs, encoded_features = [], []
for header in ["PhotoAmt", "Fee"]:
    numeric_col = tf.keras.Input(shape=(1,), name=header)
    encoded_features.append(get_normalization_layer(header, train_ds)(numeric_col))
    all_inputs.append(numeric_col)
age_col = tf.keras.Input(shape=(1,), name="Age", dtype="int64")
encoded_features.append(get_category_encoding_layer("Age", train_ds, "int64", max_tokens=5)(age_col))
all_inputs.append(age_col)
for header in ["Type", "Color1", "Breed1"]:
    categorical_col = tf.keras.Input(shape=(1,), name=header, dtype="string")
    encoded_features.append(get_category_encoding_layer(header, train_ds, "string", max_tokens=5)(categorical_col))
    all_inputs.append(categorical_col)

all_features = tf.keras.layers.concatenate(encoded_features)
x = tf.keras.layers.Dense(32, activation="relu")(all_features)
x = tf.keras.layers.Dropout(0.5)(x)
output = tf.keras.layers.Dense(1)(x)
model = tf.keras.Model(all_inputs, output)
model.compile(optimizer="adam", loss=tf.keras.losses.BinaryCrossentropy(from_logits=True), metrics=["accuracy"])
model.fit(train_ds, epochs=2, validation_data=val_ds, verbose=0)

sample = {"Type": "Cat", "Age": 3, "Breed1": "Tabby", "Color1": "Black", "PhotoAmt": 2, "Fee": 100}
input_dict = {name: tf.convert_to_tensor(value) for name, value in sample.items()}
predictions = model.predict(input_dict, verbose=0)
prob = tf.nn.sigmoid(predictions[0])
print("adoption probability: %.1f%%" % (100 * float(prob[0])))
