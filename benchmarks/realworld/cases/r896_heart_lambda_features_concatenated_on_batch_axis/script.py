import numpy as np
import tensorflow as tf

rng = np.random.default_rng(7)
n = 256
raw = {
    "age": rng.integers(29, 77, n),
    "sex": rng.integers(0, 2, n),
    "cp": rng.integers(0, 4, n),
    "trestbps": rng.integers(94, 200, n),
    "chol": rng.integers(126, 564, n),
    "fbs": rng.integers(0, 2, n),
    "restecg": rng.integers(0, 3, n),
    "thalach": rng.integers(71, 202, n),
    "exang": rng.integers(0, 2, n),
    "oldpeak": rng.uniform(0, 6, n),
    "slope": rng.integers(0, 3, n),
    "ca": rng.integers(0, 4, n),
}
features = {k: v.astype("float32").reshape(-1, 1) for k, v in raw.items()}
target = rng.integers(0, 2, n).astype("float32")
dataset = tf.data.Dataset.from_tensor_slices((features, target)).batch(64)

binary_features = ["sex", "fbs", "exang"]
numeric_features = ["trestbps", "chol", "thalach", "oldpeak", "slope", "cp", "restecg", "ca"]

feature_layer_inputs = {
    name: tf.keras.Input(shape=(1,), name=name, dtype="float32") for name in raw
}


def ratio(x):
    """compute the ratio between two numeric features"""
    return x[0] / x[1]


def cross_feature(x):
    """compute the crossing of two features"""
    return x[0] * x[1]


def age_and_gender(x):
    """check if age gt 50 and if gender is male"""
    return tf.cast(tf.math.logical_and(x[0] > 50, x[1] == 1), dtype=tf.float32)


age_gender = tf.keras.layers.Lambda(age_and_gender, name="age_and_gender")(
    (feature_layer_inputs["age"], feature_layer_inputs["sex"])
)
trest_chol_ratio = tf.keras.layers.Lambda(ratio, name="trest_chol_ratio")(
    (feature_layer_inputs["trestbps"], feature_layer_inputs["chol"])
)
trest_cross_thalach = tf.keras.layers.Lambda(cross_feature, name="trest_cross_thalach")(
    (feature_layer_inputs["trestbps"], feature_layer_inputs["thalach"])
)

lambda_feature_layer = tf.keras.layers.concatenate(
    [age_gender, trest_chol_ratio, trest_cross_thalach], axis=0, name="lambda_feature_layer"
)
numeric_feature_layer = tf.keras.layers.concatenate(
    [feature_layer_inputs[f] for f in numeric_features], name="numeric_feature_layer"
)
binary_feature_layer = tf.keras.layers.concatenate(
    [feature_layer_inputs[f] for f in binary_features], name="binary_feature_layer"
)
feature_layer = tf.keras.layers.concatenate(
    [lambda_feature_layer, numeric_feature_layer, binary_feature_layer], name="feature_layer"
)

x = tf.keras.layers.BatchNormalization(name="batch_norm")(feature_layer)
output = tf.keras.layers.Dense(1, activation="sigmoid", name="target")(x)
model = tf.keras.Model(inputs=feature_layer_inputs, outputs=output)
model.compile(
    loss=tf.keras.losses.BinaryCrossentropy(),
    optimizer=tf.keras.optimizers.Adam(learning_rate=0.01),
    metrics=[tf.keras.metrics.BinaryAccuracy(name="accuracy")],
)
model.fit(dataset, epochs=2, verbose=0)
print(model.evaluate(dataset, verbose=0))
