"""Fuel-efficiency (MPG) regression DNN whose last layer has three units for one target column."""
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(9)
n_cars = 320
cylinders = rng.integers(3, 9, n_cars)
displacement = rng.uniform(70, 450, n_cars)
horsepower = rng.uniform(45, 230, n_cars)
weight = rng.uniform(1600, 5000, n_cars)
acceleration = rng.uniform(8, 25, n_cars)
model_year = rng.integers(70, 83, n_cars)
origin = np.eye(3)[rng.integers(0, 3, n_cars)]
mpg = 50 - weight / 150 + rng.normal(0, 2, n_cars)

dataset = np.column_stack([mpg, cylinders, displacement, horsepower, weight, acceleration, model_year, origin])
dataset = dataset.astype("float32")
train_dataset, test_dataset = dataset[:256], dataset[256:]
train_features, test_features = train_dataset[:, 1:], test_dataset[:, 1:]
train_labels, test_labels = train_dataset[:, :1], test_dataset[:, :1]

normalizer = layers.Normalization(axis=-1)
normalizer.adapt(train_features)

dnn_model = keras.Sequential([
    normalizer,
    layers.Dense(64, activation="relu"),
    layers.Dense(64, activation="relu"),
    layers.Dense(units=3),
])
dnn_model.compile(loss="mean_absolute_error", optimizer=keras.optimizers.Adam(0.001))
history = dnn_model.fit(train_features, train_labels, validation_split=0.2, verbose=0, epochs=5)
print("test MAE:", dnn_model.evaluate(test_features, test_labels, verbose=0))
print("predictions:", dnn_model.predict(test_features[:4], verbose=0).shape)
