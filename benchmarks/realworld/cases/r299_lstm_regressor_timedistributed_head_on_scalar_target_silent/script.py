import numpy
from keras.models import Sequential
from keras.layers import Dense, LSTM, Input, TimeDistributed

samples = 100
timesteps = 32
inputs = 3
outputs = 1

Xt = numpy.random.random((samples, timesteps, inputs))
Yt = numpy.random.random((samples, outputs))

print("Building model...")
model = Sequential()
model.add(Input(shape=(timesteps, inputs)))
model.add(LSTM(64, activation="tanh", return_sequences=True))
model.add(LSTM(64, activation="tanh", return_sequences=True))
model.add(TimeDistributed(Dense(outputs, activation="linear")))
model.compile(loss="mean_squared_error", optimizer="rmsprop")

print("Training...")
model.fit(Xt, Yt, epochs=2, batch_size=20, verbose=0)
print(model.predict(Xt[:4], verbose=0).shape)
