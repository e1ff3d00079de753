# MNIST-style classifier monitored with a hand-written RMSE metric: the metric one-hot
# encodes the integer labels and compares them with the softmax probabilities.
import numpy as np
import keras
from keras import layers, ops


class RootMeanSquaredError(keras.metrics.Metric):
    def __init__(self, name="rmse", **kwargs):
        super().__init__(name=name, **kwargs)
        self.mse_sum = self.add_weight(name="mse_sum", initializer="zeros")
        self.total_samples = self.add_weight(name="total_samples", initializer="zeros")

    def update_state(self, y_true, y_pred, sample_weight=None):
        y_true = ops.one_hot(y_true, num_classes=ops.shape(y_pred)[1])
        mse = ops.sum(ops.square(y_true - y_pred))
        self.mse_sum.assign_add(mse)
        num_samples = ops.shape(y_pred)[0]
        self.total_samples.assign_add(num_samples)

    def result(self):
        return ops.sqrt(self.mse_sum / self.total_samples)

    def reset_state(self):
        self.mse_sum.assign(0.0)
        self.total_samples.assign(0.0)


def get_mnist_model():
    inputs = keras.Input(shape=(28 * 28,))
    features = layers.Dense(128, activation="relu")(inputs)
    features = layers.Dropout(0.5)(features)
    outputs = layers.Dense(10, activation="softmax")(features)
    return keras.Model(inputs, outputs)


rng = np.random.default_rng(7)
images = rng.random((640, 28 * 28)).astype("float32")
# the labels come from the annotation table as a single column
labels = rng.integers(0, 10, size=(640, 1))
train_images, val_images = images[128:], images[:128]
train_labels, val_labels = labels[128:], labels[:128]

model = get_mnist_model()
model.compile(
    optimizer="adam",
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy", RootMeanSquaredError()],
)
history = model.fit(train_images, train_labels, epochs=2, batch_size=64, validation_data=(val_images, val_labels), verbose=0)
print("rmse:", history.history["rmse"][-1], "val_rmse:", history.history["val_rmse"][-1])
