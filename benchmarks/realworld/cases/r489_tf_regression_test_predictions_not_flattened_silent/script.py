# Auto-MPG style fuel-efficiency regression with a normalized DNN, then an error analysis on the test set.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(17)
n = 392
cylinders = rng.choice([4, 6, 8], size=n)
displacement = cylinders * 40 + rng.normal(0, 20, n)
horsepower = displacement * 0.5 + rng.normal(0, 10, n)
weight = 1500 + displacement * 6 + rng.normal(0, 200, n)
acceleration = rng.normal(15.5, 2.5, n)
model_year = rng.integers(70, 83, n)
origin = np.eye(3)[rng.integers(0, 3, n)]
features = np.column_stack([cylinders, displacement, horsepower, weight, acceleration,
                            model_year, origin]).astype("float32")
mpg = (60 - weight / 100 + (model_year - 70) * 0.8 + rng.normal(0, 2, n)).astype("float32")

train_features, test_features = features[:314], features[314:]
train_labels, test_labels = mpg[:314], mpg[314:]

normalizer = layers.Normalization(axis=-1)
normalizer.adapt(train_features)

dnn_model = keras.Sequential([
    keras.Input(shape=(9,)),
    normalizer,
    layers.Dense(64, activation="relu"),
    layers.Dense(64, activation="relu"),
    layers.Dense(1),
])
dnn_model.compile(loss="mean_absolute_error", optimizer=keras.optimizers.Adam(0.001))
dnn_model.fit(train_features, train_labels, validation_split=0.2, epochs=60, verbose=0)
print("test MAE (evaluate):", dnn_model.evaluate(test_features, test_labels, verbose=0))

test_predictions = dnn_model.predict(test_features, verbose=0)
error = test_predictions - test_labels
counts, edges = np.histogram(error, bins=25)
print("mean absolute error of the predictions:", float(np.mean(np.abs(error))))
print("most frequent error bin:", edges[counts.argmax()], "to", edges[counts.argmax() + 1])
