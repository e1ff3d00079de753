# Stateful LSTM forecaster for 8-step power readings (2 features): the recurrent state is
# carried across batches of 6 windows, so training and prediction both use batches of 6.
import numpy as np
import keras
from keras import layers

STEPS, FEATS, BATCH_WINDOWS = 8, 2, 6

gen = np.random.default_rng(137)
series = gen.random((90, STEPS + 1, FEATS)).astype("float32")
inputs_seq, targets_seq = series[:72, :-1], series[:72, 1:, :1]
holdout = series[72:, :-1]

lstm_model = keras.Sequential([
    keras.Input(batch_shape=(BATCH_WINDOWS, STEPS, FEATS)),
    layers.LSTM(10, return_sequences=True, stateful=True),
    layers.TimeDistributed(layers.Dense(1)),
])
lstm_model.compile(loss="mse", optimizer="adam")
recurrent = lstm_model.layers[0]
for epoch in range(2):
    lstm_model.fit(inputs_seq, targets_seq, batch_size=BATCH_WINDOWS, epochs=1, shuffle=False, verbose=0)
    recurrent.reset_states()
forecast = lstm_model.predict(holdout, batch_size=BATCH_WINDOWS, verbose=0)
print("forecast:", forecast.shape)
