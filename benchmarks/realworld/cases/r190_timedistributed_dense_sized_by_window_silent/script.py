import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Input, LSTM, TimeDistributed, Dense, Activation

in_out_neurons = 24  # points per window: given 24 points, predict the next 24

series = np.sin(np.arange(0, 2000) * 0.05).astype("float32")
X = np.stack([series[i:i + in_out_neurons] for i in range(0, 1536, 24)])[..., None]
y = np.stack([series[i + in_out_neurons:i + 2 * in_out_neurons] for i in range(0, 1536, 24)])[..., None]

model = Sequential()
model.add(Input(shape=(in_out_neurons, 1)))
model.add(LSTM(32, return_sequences=True))
model.add(LSTM(16, return_sequences=True))
model.add(TimeDistributed(Dense(in_out_neurons, activation="relu")))
model.add(Activation("linear"))
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(X, y, batch_size=8, epochs=1, verbose=0)
predicted = model.predict(X, verbose=0)[:, :, 0]
