import numpy as np
import keras
from keras import layers

# five daily price columns of one ticker; forecast the next day's opening price
gen = np.random.default_rng(168)
base = 50 + np.cumsum(gen.normal(0, 0.8, size=360))
table = np.column_stack([base + gen.normal(0, 0.3, 360) for _ in range(5)])

scaled = (table - table.mean(axis=0)) / table.std(axis=0)
opening = scaled[:, 0]

cut = int(0.8 * len(scaled))
feats_fit, feats_val = scaled[:cut], scaled[cut:]
open_fit, open_val = opening[:cut], opening[cut:]

lookback = 20
n_cols = scaled.shape[1]
fit_windows = keras.utils.timeseries_dataset_from_array(
    feats_fit[:-lookback], open_fit[lookback:], sequence_length=lookback, batch_size=24
)
val_windows = keras.utils.timeseries_dataset_from_array(
    feats_val[:-lookback], open_val[lookback:], sequence_length=lookback, batch_size=24
)

forecaster = keras.Sequential(
    [
        keras.Input(shape=(lookback, n_cols)),
        layers.LSTM(24, return_sequences=True),
        layers.LeakyReLU(negative_slope=0.5),
        layers.LSTM(24, return_sequences=True),
        layers.LeakyReLU(negative_slope=0.5),
        layers.Dropout(0.3),
        layers.LSTM(12, return_sequences=False),
        layers.Dropout(0.3),
        layers.Dense(1),
    ]
)
forecaster.compile(loss="mse", optimizer=keras.optimizers.Adam(), metrics=["mae"])
forecaster.fit(fit_windows, validation_data=val_windows, epochs=2, shuffle=False, verbose=0)

val_loss, val_mae = forecaster.evaluate(val_windows, verbose=0)
next_open = forecaster.predict(val_windows, verbose=0)
print("validation MAE:", round(float(val_mae), 4), "forecasts:", next_open.shape)
