import numpy as np
import keras
from keras import layers

# engine-noise recordings, 500 readings each, label -1 / 1 (FordA style)
rng = np.random.default_rng(855)
x_train = rng.normal(size=(120, 500)).astype("float32")
y_train = rng.choice([-1, 1], size=120)
x_test = rng.normal(size=(40, 500)).astype("float32")
y_test = rng.choice([-1, 1], size=40)

# univariate series -> (samples, timesteps, channels)
x_train = x_train.reshape((x_train.shape[0], 1, x_train.shape[1]))
x_test = x_test.reshape((x_test.shape[0], 1, x_test.shape[1]))

y_train = np.where(y_train == -1, 0, y_train)
y_test = np.where(y_test == -1, 0, y_test)
num_classes = len(np.unique(y_train))


def build_cnn_model(input_shape, num_classes):
    return keras.Sequential([
        layers.Input(shape=input_shape),
        layers.Conv1D(filters=32, kernel_size=7, padding="same", activation="relu"),
        layers.BatchNormalization(),
        layers.MaxPooling1D(pool_size=2),
        layers.Dropout(0.3),
        layers.Conv1D(filters=64, kernel_size=5, padding="same", activation="relu"),
        layers.BatchNormalization(),
        layers.MaxPooling1D(pool_size=2),
        layers.GlobalAveragePooling1D(),
        layers.Dense(16, activation="relu"),
        layers.Dense(num_classes, activation="softmax"),
    ])


cnn_model = build_cnn_model(x_train.shape[1:], num_classes)
cnn_model.compile(optimizer="adam", loss="sparse_categorical_crossentropy",
                  metrics=["sparse_categorical_accuracy"])
cnn_model.fit(x_train, y_train, epochs=2, batch_size=32, validation_split=0.2, verbose=0)
loss, acc = cnn_model.evaluate(x_test, y_test, verbose=0)
print(f"CNN test accuracy: {acc:.3f}")
