import numpy as np
import keras
from keras import layers

# Boston-housing style regression: 13 features per house, price in k$.
x_train = np.random.rand(300, 13).astype("float32")
y_train = (np.random.rand(300) * 50).astype("float32")
x_test = np.random.rand(20, 13).astype("float32")

model = keras.Sequential([
    keras.Input(shape=(13,)),
    layers.Dense(64, activation="relu"),
    layers.Dense(64, activation="relu"),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(x_train, y_train, epochs=1, batch_size=32, verbose=0)

new_house = x_test[0]
price = model.predict(new_house, verbose=0)
print(price)
