import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

# Auto MPG stand-in: 9 numeric features (Cylinders, Displacement, Horsepower, Weight, ...)
column_names = ["Cylinders", "Displacement", "Horsepower", "Weight", "Acceleration",
                "Model Year", "Europe", "Japan", "USA"]
rng = np.random.default_rng(0)
train_features = rng.normal(size=(314, 9)).astype("float32")
test_features = rng.normal(size=(78, 9)).astype("float32")
train_labels = rng.normal(loc=23.0, scale=7.0, size=(314,)).astype("float32")
test_labels = rng.normal(loc=23.0, scale=7.0, size=(78,)).astype("float32")
hp = column_names.index("Horsepower")

# Linear regression with one variable
horsepower = train_features[:, hp]
horsepower_normalizer = layers.Normalization(input_shape=[1,], axis=None)
horsepower_normalizer.adapt(horsepower)

horsepower_model = tf.keras.Sequential([
    horsepower_normalizer,
    layers.Dense(units=1)
])
horsepower_model.compile(
    optimizer=tf.keras.optimizers.Adam(learning_rate=0.1),
    loss="mean_absolute_error")
history = horsepower_model.fit(
    train_features[:, hp], train_labels, epochs=5, verbose=0, validation_split=0.2)

test_results = {}
test_results["horsepower_model"] = horsepower_model.evaluate(
    test_features, test_labels, verbose=0)
print(test_results)
