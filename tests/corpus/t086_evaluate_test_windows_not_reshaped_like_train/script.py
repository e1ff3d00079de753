import numpy as np
import keras
from keras import layers

# Each row holds 10 time steps of 2 channels, stored flat (20 values).
x_train = np.random.rand(390, 20).astype("float32")
y_train = np.random.randint(0, 2, size=(390,))
x_test = np.random.rand(60, 20).astype("float32")
y_test = np.random.randint(0, 2, size=(60,))

x_train = x_train.reshape(390, 10, 2)

model = keras.Sequential([
    keras.Input(shape=(10, 2)),
    layers.LSTM(32),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="rmsprop", loss="binary_crossentropy")
model.fit(x_train, y_train, epochs=1, batch_size=32, verbose=0)
loss = model.evaluate(x_test, y_test, verbose=0)
print(loss)
