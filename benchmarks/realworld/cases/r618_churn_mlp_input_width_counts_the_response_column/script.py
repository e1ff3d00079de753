# Binary response model on a table of 88 columns: 87 predictors plus the 0/1 "response"
# column. The response column is removed from the predictors before training a small
# sigmoid MLP (translated from an R keras script).
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(357)
columns = [f"v{i}" for i in range(1, 88)] + ["response"]
train = rng.random((300, len(columns))).astype("float32")
train[:, -1] = (train[:, 0] + train[:, 1] > 1.0).astype("float32")

response_col = columns.index("response")
n_vars = len(columns)
x_train = np.delete(train, response_col, axis=1)
y_train = train[:, response_col:response_col + 1]

model = keras.Sequential()
model.add(keras.Input(shape=(n_vars,)))
model.add(layers.Dense(44, activation="sigmoid", kernel_initializer="glorot_uniform"))
model.add(layers.Dense(1, activation="sigmoid", kernel_initializer="glorot_uniform"))

model.compile(loss="binary_crossentropy", optimizer=keras.optimizers.Adam(learning_rate=0.001),
              metrics=["accuracy"])
history = model.fit(x_train, y_train, epochs=2, batch_size=10, validation_split=0.2, verbose=0)
print(history.history["accuracy"])
