import numpy as np
from tensorflow import keras

past, future, step = 72, 12, 6
features = np.random.rand(600, 7).astype("float32")
targets = np.random.rand(600).astype("float32")
sequence_length = int(past / step)
dataset_train = keras.preprocessing.timeseries_dataset_from_array(
    features,
    targets[past + future :],
    sequence_length=sequence_length,
    sampling_rate=step,
    batch_size=32,
)
for batch in dataset_train.take(1):
    inputs, targets_batch = batch

inputs = keras.layers.Input(shape=(inputs.shape[1], inputs.shape[2]))
lstm_out = keras.layers.LSTM(16, return_sequences=True)(inputs)
outputs = keras.layers.Dense(1)(lstm_out)
model = keras.Model(inputs=inputs, outputs=outputs)
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.001), loss="mse")
model.fit(dataset_train, epochs=1, verbose=0)
