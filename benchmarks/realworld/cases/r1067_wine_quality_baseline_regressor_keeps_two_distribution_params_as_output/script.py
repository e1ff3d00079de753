import numpy as np
import keras
from keras import layers

FEATURE_NAMES = [
    "fixed acidity",
    "volatile acidity",
    "citric acid",
    "residual sugar",
    "chlorides",
    "free sulfur dioxide",
    "total sulfur dioxide",
    "density",
    "pH",
    "sulphates",
    "alcohol",
]
hidden_units = [8, 8]
learning_rate = 0.001
batch_size = 64

rng = np.random.default_rng(13)
n_wines = 600
table = rng.normal(size=(n_wines, len(FEATURE_NAMES))).astype("float32")
quality = (5.8 + 0.6 * table[:, 10] - 0.4 * table[:, 1] + 0.3 * rng.normal(size=n_wines)).astype("float32")

train_size = int(n_wines * 0.85)
train_x = {name: table[:train_size, i : i + 1] for i, name in enumerate(FEATURE_NAMES)}
test_x = {name: table[train_size:, i : i + 1] for i, name in enumerate(FEATURE_NAMES)}
train_y, test_y = quality[:train_size], quality[train_size:]


def create_model_inputs():
    inputs = {}
    for feature_name in FEATURE_NAMES:
        inputs[feature_name] = layers.Input(name=feature_name, shape=(1,), dtype="float32")
    return inputs


def create_baseline_model():
    inputs = create_model_inputs()
    input_values = [value for _, value in sorted(inputs.items())]
    features = keras.layers.concatenate(input_values)
    features = layers.BatchNormalization()(features)

    for units in hidden_units:
        features = layers.Dense(units, activation="sigmoid")(features)
    outputs = layers.Dense(units=2)(features)

    model = keras.Model(inputs=inputs, outputs=outputs)
    return model


baseline_model = create_baseline_model()
baseline_model.compile(
    optimizer=keras.optimizers.RMSprop(learning_rate=learning_rate),
    loss=keras.losses.MeanSquaredError(),
    metrics=[keras.metrics.RootMeanSquaredError()],
)
baseline_model.fit(train_x, train_y, batch_size=batch_size, epochs=2, verbose=0)
_, rmse = baseline_model.evaluate(test_x, test_y, verbose=0)
print(f"Test RMSE: {round(rmse, 3)}")

predicted = baseline_model.predict({k: v[:5] for k, v in test_x.items()}, verbose=0)
for idx in range(5):
    print(f"Predicted: {round(float(predicted[idx][0]), 1)} - Actual: {round(float(test_y[idx]), 1)}")
