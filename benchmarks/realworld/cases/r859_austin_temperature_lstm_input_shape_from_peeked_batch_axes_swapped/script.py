import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

# three years of daily average temperature plus month and day of month
rng = np.random.default_rng(859)
days = np.arange(3 * 365)
month = (days // 30) % 12 + 1
day = days % 30 + 1
temp_avg = 70 + 15 * np.sin(2 * np.pi * days / 365) + rng.normal(0, 3, size=days.size)

features = np.stack([temp_avg, month, day], axis=1).astype("float32")
target = np.roll(temp_avg, -10)[:-10].astype("float32")  # temperature 10 days later
features = features[:-10]

X_train, y_train = features[:800], target[:800]
X_validation, y_validation = features[800:], target[800:]

dataset_train = keras.utils.timeseries_dataset_from_array(
    X_train, y_train, sequence_length=10, sequence_stride=1
)
dataset_validation = keras.utils.timeseries_dataset_from_array(
    X_validation, y_validation, sequence_length=10,
    batch_size=X_validation.shape[0] - 10, sequence_stride=1
)

for batch in dataset_train:
    inputs, targets = batch
    break
print("Input shape:", inputs.shape, "Target shape:", targets.shape)

model = keras.Sequential(
    [
        layers.Input(shape=(inputs.shape[2], inputs.shape[1])),
        layers.LSTM(20, return_sequences=False),
        layers.Dense(1),
    ]
)
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
history = model.fit(dataset_train, epochs=2, validation_data=dataset_validation, verbose=0)

input_validation, target_validation = next(iter(dataset_validation))
output_validation = model.predict(input_validation, verbose=0)
print("validation predictions:", output_validation.shape)
