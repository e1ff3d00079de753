import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import LSTM, Dropout, Dense, Activation, Input

rng = np.random.default_rng(930)
STEPS = 50

# weather station log: temperature, humidity and pressure every 10 minutes
t = np.arange(1500)
station = np.stack([np.sin(t / 40.0), np.cos(t / 55.0), 0.5 * np.sin(t / 90.0)], axis=1)
station = (station + 0.05 * rng.normal(size=station.shape)).astype("float32")

x_train = np.stack([station[i:i + STEPS] for i in range(0, len(station) - STEPS, 3)])
y_train = np.stack([station[i + STEPS] for i in range(0, len(station) - STEPS, 3)])
print("x_train", x_train.shape, "y_train", y_train.shape)


def build_model():
    model = Sequential()
    model.add(Input(shape=(STEPS, 3)))
    model.add(LSTM(50, return_sequences=True))
    model.add(Dropout(0.2))
    model.add(LSTM(64, return_sequences=False))
    model.add(Dropout(0.2))
    model.add(Dense(1))
    model.add(Activation("linear"))
    model.compile(loss="mse", optimizer="rmsprop")
    return model


model = build_model()
history = model.fit(x_train, y_train, batch_size=32, epochs=2, verbose=0)
next_reading = model.predict(x_train[-1:], verbose=0)
print("loss", round(history.history["loss"][-1], 4))
print("next temperature/humidity/pressure:", next_reading)
