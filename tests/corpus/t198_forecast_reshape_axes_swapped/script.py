import numpy as np
import keras
from keras import layers

# Single-shot multi-step forecast: 24 past hours of 5 features -> the next 12 hours of all 5.
OUT_STEPS, num_features = 12, 5
inputs = np.random.rand(64, 24, num_features).astype("float32")
labels = np.random.rand(64, OUT_STEPS, num_features).astype("float32")

multi_lstm_model = keras.Sequential([
    keras.Input(shape=(24, num_features)),
    layers.LSTM(32, return_sequences=False),
    layers.Dense(OUT_STEPS * num_features),
    layers.Reshape([num_features, OUT_STEPS]),
])
multi_lstm_model.compile(optimizer="adam", loss="mse", metrics=["mae"])
multi_lstm_model.fit(inputs, labels, epochs=1, batch_size=16, verbose=0)
