import numpy as np
import keras
from keras import layers

# A numeric feature plus a city id; the test rows hold fewer cities than the training rows.
train_value = np.random.rand(120, 1).astype("float32")
train_city = np.random.randint(0, 6, size=120)
test_value = np.random.rand(30, 1).astype("float32")
test_city = np.random.randint(0, 4, size=30)
y_train = np.random.rand(120, 1).astype("float32")

x_train = np.hstack([train_value, keras.utils.to_categorical(train_city)])
x_test = np.hstack([test_value, keras.utils.to_categorical(test_city)])

model = keras.Sequential([
    keras.Input(shape=(x_train.shape[1],)),
    layers.Dense(16, activation="relu"),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(x_train, y_train, epochs=1, batch_size=30, verbose=0)
predictions = model.predict(x_test, verbose=0)
