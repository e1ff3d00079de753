import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import LSTM, Dense

rng = np.random.default_rng(931)

# sine wave sampled 100 times: t0 is the current value, t1 the next one to predict
angles = np.linspace(0, 4 * np.pi, 101)
wave_t0 = np.sin(angles[:-1]).astype("float32")
wave_t1 = np.sin(angles[1:]).astype("float32")

order = rng.permutation(len(wave_t0))
split = int(0.8 * len(order))
x_train, x_test = wave_t0[order[:split]], wave_t0[order[split:]]
y_train, y_test = wave_t1[order[:split]], wave_t1[order[split:]]
print("x_train", x_train.shape, "y_train", y_train.shape)

model = Sequential()
model.add(LSTM(128, input_shape=(1, 1)))
model.add(Dense(1))
model.compile(loss="mean_squared_error", optimizer="adam")

model.fit(x_train, y_train, batch_size=10, epochs=2, validation_data=(x_test, y_test), verbose=0)
print("next value after 0.5:", model.predict(np.array([[[0.5]]]), verbose=0))
