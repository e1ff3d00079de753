import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense, Dropout
from tensorflow.keras import regularizers

rng = np.random.default_rng(11)
n_rows, n_bands, n_tasks = 600, 8, 12
eeg_power = [list(rng.gamma(2.0, 5000.0, size=n_bands)) for _ in range(n_rows)]
task_names = np.array(["blink", "math", "relax", "music", "video", "think",
                       "color", "count", "read", "ready", "end", "unlabeled"])
labels = task_names[rng.integers(0, n_tasks, size=n_rows)]

data = np.empty(shape=(n_rows, n_bands))
for i in range(n_rows):
    data[i] = np.asarray(eeg_power[i])
data = np.log1p(data)

classes = np.unique(labels)
targets = (labels[:, None] == classes[None, :]).astype("float32")

split = int(0.7 * n_rows)
data_train, data_test = data[:split], data[split:]
targets_train, targets_test = targets[:split], targets[split:]
print(data_train.shape, targets_train.shape)

dropout_rate = 0.3
weight_decay = 1e-5

model = Sequential(
    [
        Dense(
            64,
            kernel_regularizer=regularizers.l2(weight_decay),
            activation="relu",
            input_shape=(data_train.shape[0],),
        ),
        Dropout(dropout_rate),
        Dense(64, kernel_regularizer=regularizers.l2(weight_decay), activation="relu"),
        Dropout(dropout_rate),
        Dense(64, kernel_regularizer=regularizers.l2(weight_decay), activation="relu"),
        Dropout(dropout_rate),
        Dense(len(classes)),
    ]
)
model.compile(optimizer="adam", loss="mse", metrics=["mae"])

history = model.fit(
    data_train, targets_train, epochs=2, validation_split=0.2, batch_size=64, verbose=0
)
print(model.evaluate(data_test, targets_test, verbose=0))
