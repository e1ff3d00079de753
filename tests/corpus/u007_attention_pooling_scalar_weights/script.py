import numpy as np
import keras
from keras import layers

# Attention pooling: one weight per time step, (None, 20, 1), normalised
# over the time axis and broadcast over the 32 features on purpose.
tokens = np.random.randint(1, 200, size=(32, 20))
labels = np.random.randint(0, 2, size=(32,))

inputs = keras.Input(shape=(20,))
h = layers.Embedding(200, 32)(inputs)
h = layers.LSTM(32, return_sequences=True)(h)
scores = layers.Dense(1)(h)
weights = layers.Softmax(axis=1)(scores)
context = layers.Multiply()([h, weights])
pooled = layers.Lambda(lambda t: keras.ops.sum(t, axis=1))(context)
outputs = layers.Dense(1, activation="sigmoid")(pooled)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(tokens, labels, epochs=1, batch_size=16, verbose=0)
