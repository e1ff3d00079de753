import numpy as np
import keras
from keras import layers

# Tabular data: 120 rows of 30 measurements, binary diagnosis; a Conv1D slides over the 30 values.
X = np.random.rand(120, 30).astype("float32")
y = np.random.randint(0, 2, size=(120,))

model = keras.Sequential([
    layers.Conv1D(16, 3, activation="relu"),
    layers.GlobalMaxPooling1D(),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(X, y, epochs=1, batch_size=16, verbose=0)
