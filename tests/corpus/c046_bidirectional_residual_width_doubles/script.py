import numpy as np
import keras
from keras import layers

# Sound-event tagger: a residual recurrent block over 32-wide frame features.
frames = np.random.rand(16, 40, 32).astype("float32")
tags = np.random.randint(0, 2, size=(16, 40, 6)).astype("float32")

inputs = keras.Input(shape=(40, 32))
x = layers.Dense(32, activation="relu")(inputs)
rnn = layers.Bidirectional(layers.LSTM(32, return_sequences=True))(x)
x = layers.Add()([x, rnn])
x = layers.LayerNormalization()(x)
outputs = layers.Dense(6, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(frames, tags, epochs=1, batch_size=8, verbose=0)
