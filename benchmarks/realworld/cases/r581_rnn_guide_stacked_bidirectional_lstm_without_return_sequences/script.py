# Sequence classifier from the RNN guide's Bidirectional section: two stacked
# Bidirectional LSTMs over (5, 10) sequences, then a 10-way Dense head.
import numpy as np
import keras
from keras import layers

timesteps, features, num_classes = 5, 10, 10

model = keras.Sequential()
model.add(keras.Input(shape=(timesteps, features)))
model.add(layers.Bidirectional(layers.LSTM(64)))
model.add(layers.Bidirectional(layers.LSTM(32)))
model.add(layers.Dense(num_classes))

model.compile(optimizer="adam",
              loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=["accuracy"])

rng = np.random.default_rng(5)
x = rng.normal(size=(200, timesteps, features)).astype("float32")
y = rng.integers(0, num_classes, size=(200,))
model.fit(x, y, batch_size=32, epochs=1, verbose=0)
print(model.predict(x[:4], verbose=0).shape)
