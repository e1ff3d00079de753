# Heart-disease table as a dict of columns: one symbolic Input per column, a preprocessing model
# (binary columns as they are, numeric columns normalized, categorical columns one-hot) and a small body.
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(0)
n = 240
df = {
    "age": rng.integers(29, 78, n).astype("float32"),
    "sex": rng.integers(0, 2, n),
    "cp": rng.integers(0, 5, n),
    "trestbps": rng.normal(130, 15, n).astype("float32"),
    "chol": rng.normal(240, 40, n).astype("float32"),
    "fbs": rng.integers(0, 2, n),
    "thalach": rng.normal(150, 20, n).astype("float32"),
    "exang": rng.integers(0, 2, n),
    "oldpeak": rng.random(n).astype("float32") * 4,
    "thal": rng.choice(["normal", "fixed", "reversible"], n).astype(object),
}
target = rng.integers(0, 2, n)
BATCH_SIZE = 16

numeric_feature_names = ["age", "thalach", "trestbps", "chol", "oldpeak"]
binary_feature_names = ["sex", "fbs", "exang"]
categorical_feature_names = ["cp", "thal"]

inputs = {}
for name, column in df.items():
    if isinstance(column[0], str):
        dtype = tf.string
    elif name in categorical_feature_names or name in binary_feature_names:
        dtype = tf.int64
    else:
        dtype = tf.float32
    inputs[name] = tf.keras.Input(shape=(1,), name=name, dtype=dtype)

preprocessed = []
for name in binary_feature_names:
    preprocessed.append(tf.keras.layers.Lambda(lambda t: tf.cast(t, tf.float32))(inputs[name]))

normalizer = tf.keras.layers.Normalization(axis=-1)
normalizer.adapt(np.stack([df[name] for name in numeric_feature_names], axis=1))
numeric_inputs = tf.keras.layers.Concatenate(axis=-1)([inputs[name] for name in numeric_feature_names])
preprocessed.append(normalizer(numeric_inputs))

for name in categorical_feature_names:
    vocab = sorted(set(df[name].tolist()))
    if isinstance(vocab[0], str):
        lookup = tf.keras.layers.StringLookup(vocabulary=vocab, output_mode="one_hot")
    else:
        lookup = tf.keras.layers.IntegerLookup(vocabulary=vocab, output_mode="one_hot")
    preprocessed.append(lookup(inputs[name]))

preprocessed_result = tf.keras.layers.Concatenate(axis=1)(preprocessed)
preprocessor = tf.keras.Model(inputs, preprocessed_result)

body = tf.keras.Sequential([
    tf.keras.layers.Dense(10, activation="relu"),
    tf.keras.layers.Dense(10, activation="relu"),
    tf.keras.layers.Dense(1),
])
model = tf.keras.Model(inputs, body(preprocessor(inputs)))
model.compile(optimizer="adam", loss=tf.keras.losses.BinaryCrossentropy(from_logits=True),
              metrics=["accuracy"])
history = model.fit(df, target, epochs=2, batch_size=BATCH_SIZE, verbose=0)
print("accuracy:", history.history["accuracy"][-1])
