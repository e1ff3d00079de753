import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(909)
t = np.linspace(0, 8 * np.pi, 60, dtype=np.float32)
y_train = rng.choice([-1, 1], size=128)
y_test = rng.choice([-1, 1], size=32)
x_train = (np.sin(t * (1.0 + 0.3 * y_train[:, None])) + rng.normal(0, 0.4, (128, 60))).astype(np.float32)
x_test = (np.sin(t * (1.0 + 0.3 * y_test[:, None])) + rng.normal(0, 0.4, (32, 60))).astype(np.float32)

x_train = x_train.reshape((x_train.shape[0], x_train.shape[1], 1))
x_test = x_test.reshape((x_test.shape[0], x_test.shape[1], 1))

y_train = np.where(y_train == -1, 0, y_train)
y_test = np.where(y_test == -1, 0, y_test)

idx = np.random.permutation(len(x_train))
x_train = x_train[idx]
y_train = y_train[idx]

num_classes = len(np.unique(y_train))


def build_lstm_model(input_shape, num_classes):
    """Build an LSTM-based model for timeseries classification."""
    model = keras.Sequential([
        layers.Input(shape=input_shape),
        layers.LSTM(32, dropout=0.3, recurrent_dropout=0.3),
        layers.LSTM(16, dropout=0.3, recurrent_dropout=0.3),
        layers.Dense(16, activation="relu"),
        layers.Dense(num_classes, activation="softmax"),
    ])
    return model


input_shape = x_train.shape[1:]
lstm_model = build_lstm_model(input_shape, num_classes)
lstm_model.compile(optimizer="adam", loss="sparse_categorical_crossentropy",
                   metrics=["sparse_categorical_accuracy"])
history = lstm_model.fit(x_train, y_train, epochs=2, batch_size=32, validation_split=0.2, verbose=0)
test_loss, test_acc = lstm_model.evaluate(x_test, y_test, verbose=0)
print(f"LSTM Test Accuracy: {test_acc:.4f}, Loss: {test_loss:.4f}")
