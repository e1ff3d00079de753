"""Heart disease classification with a FeatureSpace; end-to-end inference on one raw sample."""
import numpy as np
import tensorflow as tf
import keras
from keras.utils import FeatureSpace

rng = np.random.default_rng(0)
n = 200
columns = {
    "age": rng.integers(29, 78, n).astype("float32"),
    "sex": rng.integers(0, 2, n),
    "cp": rng.integers(0, 5, n),
    "trestbps": rng.normal(130, 15, n).astype("float32"),
    "chol": rng.normal(245, 40, n).astype("float32"),
    "fbs": rng.integers(0, 2, n),
    "thalach": rng.normal(150, 20, n).astype("float32"),
    "oldpeak": rng.uniform(0, 4, n).astype("float32"),
    "thal": rng.choice(["normal", "fixed", "reversible"], n),
}
targets = rng.integers(0, 2, n)

dataset = tf.data.Dataset.from_tensor_slices((columns, targets))
val_dataframe_size = 40
val_ds = dataset.take(val_dataframe_size).batch(32)
train_ds = dataset.skip(val_dataframe_size).batch(32)

feature_space = FeatureSpace(
    features={
        "sex": FeatureSpace.integer_categorical(num_oov_indices=0),
        "cp": FeatureSpace.integer_categorical(num_oov_indices=0),
        "fbs": FeatureSpace.integer_categorical(num_oov_indices=0),
        "thal": FeatureSpace.string_categorical(num_oov_indices=0),
        "age": FeatureSpace.float_discretized(num_bins=10),
        "trestbps": FeatureSpace.float_normalized(),
        "chol": FeatureSpace.float_normalized(),
        "thalach": FeatureSpace.float_normalized(),
        "oldpeak": FeatureSpace.float_normalized(),
    },
    crosses=[FeatureSpace.cross(feature_names=("sex", "age"), crossing_dim=16)],
    output_mode="concat",
)
train_ds_with_no_labels = train_ds.map(lambda x, _: x)
feature_space.adapt(train_ds_with_no_labels)

preprocessed_train_ds = train_ds.map(lambda x, y: (feature_space(x), y))
preprocessed_val_ds = val_ds.map(lambda x, y: (feature_space(x), y))

dict_inputs = feature_space.get_inputs()
encoded_features = feature_space.get_encoded_features()

x = keras.layers.Dense(32, activation="relu")(encoded_features)
x = keras.layers.Dropout(0.5)(x)
predictions = keras.layers.Dense(1, activation="sigmoid")(x)

training_model = keras.Model(inputs=encoded_features, outputs=predictions)
training_model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
inference_model = keras.Model(inputs=dict_inputs, outputs=predictions)

training_model.fit(preprocessed_train_ds, epochs=2, validation_data=preprocessed_val_ds, verbose=2)

sample = {
    "age": 60,
    "sex": 1,
    "cp": 1,
    "trestbps": 145,
    "chol": 233,
    "fbs": 1,
    "thalach": 150,
    "oldpeak": 2.3,
    "thal": "fixed",
}

input_dict = {name: tf.convert_to_tensor(value) for name, value in sample.items()}
predictions = inference_model.predict(input_dict)

print(
    f"This particular patient had a {100 * predictions[0][0]:.2f}% probability "
    "of having a heart disease, as evaluated by our model."
)
