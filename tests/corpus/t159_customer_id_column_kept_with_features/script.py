import numpy as np
import keras
from keras import layers

# Bank customers: an ID column, 20 features, the TARGET column last. IDs are unique and increasing.
n = 200
ids = np.sort(np.random.choice(np.arange(1, 5000), size=n, replace=False))
data = np.column_stack([ids, np.random.rand(n, 20), np.random.randint(0, 2, size=n)]).astype("float32")
X = data[:, :-1]
y = data[:, -1]

model = keras.Sequential([
    keras.Input(shape=(20,)),
    layers.Dense(32, activation="relu"),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(X, y, epochs=1, batch_size=32, verbose=0)
