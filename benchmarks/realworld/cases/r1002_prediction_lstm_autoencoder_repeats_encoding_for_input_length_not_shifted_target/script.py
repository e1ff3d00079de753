# lstm autoencoder to predict the next values of the sequence
from numpy import array
import keras
from keras import layers

# define input sequence
seq_in = array([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
# reshape input into [samples, timesteps, features]
n_in = len(seq_in)
seq_in = seq_in.reshape((1, n_in, 1))
# prepare output sequence
seq_out = seq_in[:, 1:, :]
n_out = n_in - 1
# define model
model = keras.Sequential()
model.add(keras.Input(shape=(n_in, 1)))
model.add(layers.LSTM(100, activation="relu"))
model.add(layers.RepeatVector(n_in))
model.add(layers.LSTM(100, activation="relu", return_sequences=True))
model.add(layers.TimeDistributed(layers.Dense(1)))
model.compile(optimizer="adam", loss="mse")
# fit model
model.fit(seq_in, seq_out, epochs=2, verbose=0)
# demonstrate prediction
yhat = model.predict(seq_in, verbose=0)
print(yhat[0, :, 0])
