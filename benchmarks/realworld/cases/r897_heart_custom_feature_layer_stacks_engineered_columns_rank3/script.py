import numpy as np
import tensorflow as tf

rng = np.random.default_rng(11)
n = 256
columns = {
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
x_dict = {k: v.astype("float32").reshape(-1, 1) for k, v in columns.items()}
labels = rng.integers(0, 2, n).astype("float32")
dataset = tf.data.Dataset.from_tensor_slices((x_dict, labels)).shuffle(n).batch(64)

binary_features = ["sex", "fbs", "exang"]
numeric_features = ["trestbps", "chol", "thalach", "oldpeak", "slope", "cp", "restecg", "ca"]

feature_layer_inputs = {
    feature: tf.keras.Input(shape=(1,), name=feature, dtype="float32") for feature in columns
}


class FeatureLayer(tf.keras.layers.Layer):
    """Custom Layer for Feature engineering steps"""

    def call(self, inputs):
        age_and_gender = tf.cast(
            tf.math.logical_and(inputs["age"] > 50, inputs["sex"] == 1), dtype=tf.float32
        )
        trest_chol_ratio = inputs["trestbps"] / inputs["chol"]
        trest_cross_thalach = inputs["trestbps"] * inputs["thalach"]
        old_peak_slope = inputs["oldpeak"] * inputs["slope"]

        feature_list = [age_and_gender, trest_chol_ratio, trest_cross_thalach, old_peak_slope]
        engineered_feature_layer = tf.stack(feature_list, axis=1)

        numeric_feature_layer = tf.concat([inputs[f] for f in numeric_features], axis=-1)
        binary_feature_layer = tf.concat([inputs[f] for f in binary_features], axis=-1)

        # Add the rest of features into final feature layer
        return tf.concat(
            [engineered_feature_layer, numeric_feature_layer, binary_feature_layer], axis=-1
        )


# setup model, this is basically Logistic regression
feature_layer = FeatureLayer(name="feature_layer")(feature_layer_inputs)
x = tf.keras.layers.BatchNormalization(name="batch_norm")(feature_layer)
output = tf.keras.layers.Dense(1, activation="sigmoid", name="target")(x)
model = tf.keras.Model(inputs=feature_layer_inputs, outputs=output)
model.compile(
    loss=tf.keras.losses.BinaryCrossentropy(),
    optimizer=tf.keras.optimizers.Adam(learning_rate=0.01),
    metrics=[tf.keras.metrics.BinaryAccuracy(name="accuracy")],
)
model.fit(dataset, epochs=2, verbose=0)
print(dict(zip(model.metrics_names, model.evaluate(dataset, verbose=0))))
