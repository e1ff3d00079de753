import numpy as np
import tensorflow as tf
import keras
from keras import layers

FEATURE_NAMES = [
    "fixed acidity", "volatile acidity", "citric acid", "residual sugar",
    "chlorides", "free sulfur dioxide", "total sulfur dioxide", "density",
    "pH", "sulphates", "alcohol",
]

rng = np.random.default_rng(905)
dataset_size = 300
columns = {name: rng.normal(5.0, 2.0, size=dataset_size).astype("float32") for name in FEATURE_NAMES}
quality = rng.integers(3, 9, size=dataset_size).astype("float32")


def get_train_and_test_splits(train_size, batch_size=1):
    dataset = tf.data.Dataset.from_tensor_slices((columns, quality)).cache()
    train_dataset = dataset.take(train_size).shuffle(buffer_size=train_size).batch(batch_size)
    test_dataset = dataset.skip(train_size).batch(batch_size)
    return train_dataset, test_dataset


hidden_units = [8, 8]
learning_rate = 0.001


def create_model_inputs():
    inputs = {}
    for feature_name in FEATURE_NAMES:
        inputs[feature_name] = layers.Input(name=feature_name, shape=(), dtype="float32")
    return inputs


def create_baseline_model():
    inputs = create_model_inputs()
    input_values = [value for _, value in sorted(inputs.items())]
    features = layers.concatenate(input_values)
    features = layers.BatchNormalization()(features)
    for units in hidden_units:
        features = layers.Dense(units, activation="sigmoid")(features)
    outputs = layers.Dense(units=1)(features)
    return keras.Model(inputs=inputs, outputs=outputs)


train_size = int(dataset_size * 0.85)
train_dataset, test_dataset = get_train_and_test_splits(train_size, batch_size=32)

baseline_model = create_baseline_model()
baseline_model.compile(
    optimizer=keras.optimizers.RMSprop(learning_rate=learning_rate),
    loss=keras.losses.MeanSquaredError(),
    metrics=[keras.metrics.RootMeanSquaredError()],
)
baseline_model.fit(train_dataset, epochs=2, validation_data=test_dataset, verbose=0)
_, rmse = baseline_model.evaluate(test_dataset, verbose=0)
print(f"Test RMSE: {round(rmse, 3)}")
