import numpy as np
from tensorflow.keras.layers import Input, Conv2D, MaxPooling2D, LSTM, Dense
from tensorflow.keras.models import Model

# Spectrogram-like inputs: 32 time steps of 16-dimensional frames.
T = 32
D = 16
N_FILTERS = 8
LSTM_T = int(T / 8)
LSTM_D = int(D / 2)
LSTM_STATE = 32
POOL = (8, 2)

x_train = np.random.rand(24, T, D, 1).astype("float32")
y_train = np.random.randint(0, 2, size=(24, 1))

i = Input(shape=(T, D, 1))                      # (None, 32, 16, 1)
x = Conv2D(N_FILTERS, (3, 3), padding="same")(i)  # (None, 32, 16, 8)
x = MaxPooling2D(pool_size=POOL)(x)             # (None, 4, 8, 8)
x = LSTM(LSTM_STATE, return_sequences=True)(x)
x = LSTM(LSTM_STATE)(x)
out = Dense(1, activation="sigmoid")(x)
model = Model(i, out)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(x_train, y_train, batch_size=8, epochs=1, verbose=0)
