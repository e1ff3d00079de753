import numpy as np
import keras
from keras import layers

# daily Open, High, Low, Close, Adj Close of one stock
rng = np.random.default_rng(856)
walk = 100 + np.cumsum(rng.normal(0, 1, size=400))
prices = np.stack([walk + rng.normal(0, 0.5, 400) for _ in range(5)], axis=1)

data_scaled = (prices - prices.mean(axis=0)) / prices.std(axis=0)
features = data_scaled
target = data_scaled[:, 0]  # Open price

split = int(len(features) * 0.75)
x_train, x_test = features[:split], features[split:]
y_train, y_test = target[:split], target[split:]

win_length = 30
batch_size = 32
num_features = 5
train_ds = keras.utils.timeseries_dataset_from_array(
    x_train[:-win_length], y_train[win_length:], sequence_length=win_length, batch_size=batch_size
)
test_ds = keras.utils.timeseries_dataset_from_array(
    x_test[:-win_length], y_test[win_length:], sequence_length=win_length, batch_size=batch_size
)

model = keras.Sequential()
model.add(keras.Input(shape=(win_length, num_features)))
model.add(layers.LSTM(32, return_sequences=True))
model.add(layers.LeakyReLU(negative_slope=0.5))
model.add(layers.LSTM(32, return_sequences=True))
model.add(layers.LeakyReLU(negative_slope=0.5))
model.add(layers.Dropout(0.3))
model.add(layers.LSTM(16, return_sequences=True))
model.add(layers.Dropout(0.3))
model.add(layers.Dense(1))

model.compile(loss=keras.losses.MeanSquaredError(), optimizer="adam",
              metrics=[keras.metrics.MeanAbsoluteError()])
model.fit(train_ds, epochs=2, validation_data=test_ds, shuffle=False, verbose=0)

test_loss, test_mae = model.evaluate(test_ds, verbose=0)
print("Test MAE:", round(test_mae, 4))
predictions = model.predict(test_ds, verbose=0)
print("predicted opening prices:", predictions.shape)
