import numpy as np
import keras
from keras import layers

# Three sentiment classes coded 1, 2, 3 as they come from the CSV; reviews padded to 20 tokens.
x_train = np.random.randint(1, 500, size=(96, 20))
y_raw = np.random.randint(1, 4, size=(96,))
y_train = keras.utils.to_categorical(y_raw)

model = keras.Sequential([
    keras.Input(shape=(20,)),
    layers.Embedding(500, 16),
    layers.LSTM(16),
    layers.Dense(3, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(x_train, y_train, epochs=1, batch_size=16, verbose=0)
