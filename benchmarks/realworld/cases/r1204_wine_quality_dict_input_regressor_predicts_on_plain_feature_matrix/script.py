import numpy as np
import tensorflow as tf
import keras
from keras import layers

FEATURE_NAMES = [
    "fixed acidity", "volatile acidity", "citric acid", "residual sugar",
    "chlorides", "free sulfur dioxide", "total sulfur dioxide", "density",
    "pH", "sulphates", "alcohol",
]
hidden_units = [8, 8]

rng = np.random.default_rng(5)
wine = rng.normal(size=(300, len(FEATURE_NAMES))).astype("float32")
quality = (5.6 + wine[:, 10] * 0.5 - wine[:, 1] * 0.3).astype("float32")
features = {name: wine[:, k] for k, name in enumerate(FEATURE_NAMES)}
dataset = tf.data.Dataset.from_tensor_slices((features, quality))
train_dataset = dataset.take(250).shuffle(250).batch(32)
test_dataset = dataset.skip(250).batch(32)


def create_model_inputs():
    return {name: layers.Input(name=name, shape=(1,), dtype="float32") for name in FEATURE_NAMES}


def create_baseline_model():
    inputs = create_model_inputs()
    input_values = [value for _, value in sorted(inputs.items())]
    x = layers.concatenate(input_values)
    x = layers.BatchNormalization()(x)
    for units in hidden_units:
        x = layers.Dense(units, activation="sigmoid")(x)
    outputs = layers.Dense(units=1)(x)
    return keras.Model(inputs=inputs, outputs=outputs)


baseline_model = create_baseline_model()
baseline_model.compile(
    optimizer=keras.optimizers.RMSprop(learning_rate=0.01),
    loss=keras.losses.MeanSquaredError(),
    metrics=[keras.metrics.RootMeanSquaredError()],
)
baseline_model.fit(train_dataset, epochs=2, verbose=0)
_, rmse = baseline_model.evaluate(test_dataset, verbose=0)
print(f"Test RMSE: {round(rmse, 3)}")

new_wines = wine[250:260]
predicted = baseline_model.predict(new_wines, verbose=0)
for idx in range(len(predicted)):
    print(f"Predicted: {round(float(predicted[idx][0]), 1)} - Actual: {quality[250 + idx]:.1f}")
