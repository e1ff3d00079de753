import numpy as np
import keras
from keras import layers

# three 2-D clusters, classified by a small MLP trained with categorical (multiclass) hinge loss
num_samples_total, training_split, num_classes = 900, 300, 3
rng = np.random.default_rng(16)
centers = np.array([(0, 0), (15, 15), (0, 15)], dtype="float32")
targets = rng.integers(0, num_classes, size=num_samples_total)
X = (centers[targets] + rng.normal(0, 1.5, size=(num_samples_total, 2))).astype("float32")

X_training, X_testing = X[training_split:], X[:training_split]
Targets_training, Targets_testing = targets[training_split:], targets[:training_split]
input_shape = (X_training.shape[1],)

model = keras.Sequential([
    keras.Input(shape=input_shape),
    layers.Dense(4, activation="relu", kernel_initializer="he_uniform"),
    layers.Dense(2, activation="relu", kernel_initializer="he_uniform"),
    layers.Dense(num_classes, activation="tanh"),
])
model.compile(loss="categorical_hinge", optimizer=keras.optimizers.Adam(learning_rate=0.03), metrics=["accuracy"])
history = model.fit(X_training, Targets_training, epochs=3, batch_size=30, verbose=0, validation_split=0.2)

test_results = model.evaluate(X_testing, Targets_testing, verbose=0)
print(f"Test results - Loss: {test_results[0]:.4f} - Accuracy: {test_results[1] * 100:.1f}%")
