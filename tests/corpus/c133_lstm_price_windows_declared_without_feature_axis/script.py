import numpy as np
import keras
from keras import layers

batch_size = 32
# Each row: 60 consecutive prices; the target is the next price.
X_train = 5 + np.random.rand(128, 60).astype("float32")
y_train = 5 + np.random.rand(128).astype("float32")
X_test = 5 + np.random.rand(32, 60).astype("float32")
y_test = 5 + np.random.rand(32).astype("float32")
print("X_train shape:", X_train.shape)

model = keras.Sequential()
model.add(layers.LSTM(1, input_shape=(X_train.shape[1],)))
model.compile(loss="mse", optimizer="sgd")
model.fit(X_train, y_train, batch_size=batch_size, epochs=1, validation_data=(X_test, y_test))
score = model.evaluate(X_test, y_test, batch_size=batch_size)
