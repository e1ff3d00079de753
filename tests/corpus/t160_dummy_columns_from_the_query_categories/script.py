import numpy as np
import keras
from keras import layers

# Apartment prices from the city (4 categories, dummy-encoded) and the size.
city = np.random.randint(0, 4, size=(120,))
city[:4] = np.arange(4)
size = np.random.rand(120, 1)
x_train = np.hstack([size, (city[:, None] == np.unique(city)).astype("float32")])
y_train = np.random.rand(120).astype("float32")

model = keras.Sequential([
    keras.Input(shape=(5,)),
    layers.Dense(16, activation="relu"),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(x_train, y_train, epochs=1, batch_size=16, verbose=0)

# A query for two flats, both in city 2: the dummies are made from the query's own categories.
q_city = np.array([2, 2])
q_size = np.array([[0.4], [0.7]])
x_query = np.hstack([q_size, (q_city[:, None] == np.unique(q_city)).astype("float32")])
print(model.predict(x_query, verbose=0))
