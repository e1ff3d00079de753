# Sequence-to-sequence regression on sensor windows with a stateful GRU: the recurrent
# state is kept across batches, so the layer is built for a fixed batch of 10 windows.
import numpy as np
import keras
from keras import layers

WINDOW = 6
BATCH = 10

rng = np.random.default_rng(14)
readings = rng.random((120, WINDOW + 1, 1)).astype("float32")
train_in, train_out = readings[:100, :-1], readings[:100, 1:]
test_in = readings[100:, :-1]

forecaster = keras.Sequential([
    keras.Input(batch_shape=(BATCH, WINDOW, 1)),
    layers.GRU(12, return_sequences=True, stateful=True),
    layers.Dropout(0.2),
    layers.TimeDistributed(layers.Dense(1)),
])
forecaster.compile(loss="mean_squared_error", optimizer="rmsprop")
forecaster.fit(train_in, train_out, batch_size=BATCH, epochs=2, shuffle=False, verbose=0)

predicted = forecaster.predict(test_in, verbose=0)
print("predicted:", predicted.shape)
