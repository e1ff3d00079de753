# Small tabular classifier: three numeric columns (price, size, age) -> one of three product tiers (last CSV column).
import numpy as np
from keras.models import Sequential
from keras.layers import Dense
from keras.optimizers import Adam

rng = np.random.default_rng(9282)
price = rng.integers(300, 800, size=300)
size = rng.integers(4, 8, size=300)
age = rng.integers(40, 80, size=300)
tier = np.digitize(price + 20 * size - 2 * age, [500, 700])      # 0, 1 or 2
dataset = np.column_stack([price, size, age, tier]).astype("float32")   # as read from the CSV file

x = dataset[:, 0:3] / dataset[:, 0:3].max(axis=0)
y = dataset[:, 3]

model = Sequential()
model.add(Dense(8, input_dim=4, activation="relu"))
model.add(Dense(3, activation="softmax"))
model.compile(optimizer=Adam(learning_rate=0.01), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x, y, epochs=5, batch_size=16, verbose=0)
print(model.evaluate(x, y, verbose=0))
