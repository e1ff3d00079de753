import numpy as np
import keras
from keras import layers

# Reviews already turned into word ids; each review has its own length.
sequences = [list(np.random.randint(1, 1000, size=np.random.randint(5, 40))) for _ in range(64)]
labels = np.random.randint(0, 2, size=(64,))
x_train = np.array(sequences, dtype=object)

model = keras.Sequential([
    layers.Embedding(1000, 16),
    layers.LSTM(16),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(x_train, labels, epochs=1, batch_size=16, verbose=0)
