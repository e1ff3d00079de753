import numpy as np
import keras
from keras import layers

# Product colour (5 categories, one-hot) plus price predicts a rating.
color_ids = np.random.randint(0, 5, size=(80,))
color_ids[:5] = np.arange(5)
x_train = keras.utils.to_categorical(color_ids)
y_train = np.random.rand(80).astype("float32")

model = keras.Sequential([
    keras.Input(shape=(5,)),
    layers.Dense(8, activation="relu"),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(x_train, y_train, epochs=1, batch_size=16, verbose=0)

# New products: only colours 0..2 appear in this batch.
new_ids = np.array([0, 2, 1, 2])
x_new = keras.utils.to_categorical(new_ids)
print(model.predict(x_new, verbose=0))
