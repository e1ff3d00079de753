# Digit convnet whose training reports a non-Keras metric from a callback: at the end of
# each epoch the callback predicts the held-out digits, computes the per-class Jaccard
# score in NumPy and records its mean (a Keras Mean metric) in the epoch logs.
import numpy as np
import keras
from keras import layers


def jaccard_per_class(y_true, y_pred, n_classes):
    scores = []
    for c in range(n_classes):
        inter = np.sum((y_true == c) & (y_pred == c))
        union = np.sum((y_true == c) | (y_pred == c))
        scores.append(inter / union if union else 0.0)
    return np.array(scores)


class JaccardScoreCallback(keras.callbacks.Callback):
    def __init__(self, name, x_test, y_test):
        super().__init__()
        self.x_test, self.y_test = x_test, y_test
        self.keras_metric = keras.metrics.Mean("jaccard_score")
        self.epoch = 0
        self.history = []

    def on_epoch_end(self, batch, logs=None):
        self.epoch += 1
        self.keras_metric.reset_state()
        predictions = self.model.predict(self.x_test, verbose=0)
        scores = jaccard_per_class(self.y_test, np.argmax(predictions, axis=-1), num_classes)
        self.keras_metric.update_state(scores)
        self.history.append(float(self.keras_metric.result()))
        if logs is not None:
            logs[self.keras_metric.name] = self.history[-1]


num_classes = 10
input_shape = (28, 28, 1)
rng = np.random.default_rng(31)
x_train = rng.random((240, 28, 28, 1)).astype("float32")
y_train = keras.utils.to_categorical(rng.integers(0, num_classes, 240), num_classes)
x_test = rng.random((60, 28, 28, 1)).astype("float32")
y_test = keras.utils.to_categorical(rng.integers(0, num_classes, 60), num_classes)

model = keras.Sequential([
    keras.Input(shape=input_shape),
    layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),
    layers.MaxPooling2D(pool_size=(2, 2)),
    layers.Conv2D(64, kernel_size=(3, 3), activation="relu"),
    layers.MaxPooling2D(pool_size=(2, 2)),
    layers.Flatten(),
    layers.Dropout(0.5),
    layers.Dense(num_classes, activation="softmax"),
])

model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
callbacks = [JaccardScoreCallback(model.name, x_test, np.argmax(y_test, axis=-1))]
history = model.fit(x_train, y_train, batch_size=64, epochs=2, validation_split=0.1,
                    callbacks=callbacks, verbose=0)
print("accuracy", history.history["accuracy"][-1], "jaccard", float(callbacks[0].keras_metric.result()))
