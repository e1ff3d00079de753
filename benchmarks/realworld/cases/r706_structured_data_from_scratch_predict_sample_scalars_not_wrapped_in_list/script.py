# Heart-disease classifier on tabular data (keras-io "structured data classification
# from scratch" style): categorical columns are one-hot encoded in the tf.data
# pipeline, numerical columns are normalized inside the model, a small Classifier
# layer concatenates everything. Then one new patient is scored with predict().
import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(706)
n = 120
frame = {
    "age": rng.integers(30, 80, n), "trestbps": rng.integers(95, 190, n),
    "chol": rng.integers(150, 400, n), "thalach": rng.integers(90, 200, n),
    "oldpeak": rng.random(n) * 4, "sex": rng.integers(0, 2, n), "cp": rng.integers(0, 5, n),
    "thal": rng.choice(["normal", "fixed", "reversible"], n), "target": rng.integers(0, 2, n),
}
CATEGORICAL = {"sex": [0, 1], "cp": [0, 1, 2, 3, 4], "thal": ["normal", "fixed", "reversible"]}
NUMERICAL = ["age", "trestbps", "chol", "thalach", "oldpeak"]


def one_hot_categoricals(features, target):
    for name, vocab in CATEGORICAL.items():
        lookup = (layers.StringLookup if features[name].dtype == tf.string else layers.IntegerLookup)(
            vocabulary=vocab, mask_token=None, num_oov_indices=0, output_mode="binary")
        features[name] = lookup(features[name])
    return dict(features), target


def to_dataset(columns):
    columns = dict(columns)
    labels = columns.pop("target")
    return tf.data.Dataset.from_tensor_slices((columns, labels)).map(one_hot_categoricals)


train_ds = to_dataset(frame).shuffle(n).batch(16)


def normalized_input(name):
    col_in = layers.Input(name=name, shape=(1,), dtype="float32")
    norm = layers.Normalization()
    norm.adapt(train_ds.map(lambda x, y: tf.expand_dims(tf.cast(x[name], "float32"), -1)))
    return col_in, norm(col_in)


class Classifier(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.hidden = layers.Dense(32, activation="relu")
        self.drop = layers.Dropout(0.5)
        self.out = layers.Dense(1, activation="sigmoid")

    def call(self, feats):
        return self.out(self.drop(self.hidden(layers.concatenate(list(feats.values())))))


model_inputs, encoded = {}, {}
for name in NUMERICAL + list(CATEGORICAL):
    if name in CATEGORICAL:
        model_inputs[name] = layers.Input(name=name, shape=(len(CATEGORICAL[name]),), dtype="int64")
        encoded[name] = layers.Lambda(lambda t: tf.cast(t, "float32"))(model_inputs[name])
    else:
        model_inputs[name], encoded[name] = normalized_input(name)
model = keras.Model(model_inputs, Classifier()(encoded))
model.compile("adam", "binary_crossentropy", metrics=["accuracy"])
model.fit(train_ds, epochs=2, verbose=0)

patient = {"age": 60, "trestbps": 145, "chol": 233, "thalach": 150, "oldpeak": 2.3,
           "sex": 1, "cp": 1, "thal": "fixed"}
for name, vocab in CATEGORICAL.items():
    patient[name] = [1 if v == patient[name] else 0 for v in vocab]
input_dict = {name: tf.convert_to_tensor(value) for name, value in patient.items()}
predictions = model.predict(input_dict, verbose=0)
print(f"heart disease probability: {100 * predictions[0][0]:.1f} %")
