# House-price regressor on numeric columns plus a one-hot "city" column; the same
# preprocessing helper is used for the training table and for new listings.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(17)
cities = np.array(["Lyon", "Nantes", "Lille", "Nice", "Metz"])
train_numeric = rng.uniform(0.0, 1.0, size=(200, 4)).astype("float32")
train_city = cities[rng.integers(0, 5, size=200)]
train_price = (train_numeric.sum(axis=1) + (train_city == "Nice") * 0.5).astype("float32")

new_numeric = rng.uniform(0.0, 1.0, size=(3, 4)).astype("float32")
new_city = np.array(["Lyon", "Nice", "Lyon"])


def prepare(numeric, city):
    encoder = layers.StringLookup(output_mode="one_hot")
    encoder.adapt(city)
    city_onehot = keras.ops.convert_to_numpy(encoder(city)).astype("float32")
    return np.concatenate([numeric, city_onehot], axis=1)


x_train = prepare(train_numeric, train_city)

model = keras.Sequential([
    keras.Input(shape=(x_train.shape[1],)),
    layers.Dense(32, activation="relu"),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(x_train, train_price, epochs=3, batch_size=32, verbose=0)

x_new = prepare(new_numeric, new_city)
predicted_prices = model.predict(x_new, verbose=0)
print(predicted_prices.ravel())
