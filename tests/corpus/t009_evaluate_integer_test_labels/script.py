import numpy as np
import keras
from keras import layers

# Training labels were one-hot encoded, the held-out labels were not.
x_train = np.random.rand(64, 20).astype("float32")
y_train = keras.utils.to_categorical(np.random.randint(0, 5, size=(64,)), 5)
x_test = np.random.rand(32, 20).astype("float32")
y_test = np.random.randint(0, 5, size=(32,))

model = keras.Sequential([
    keras.Input(shape=(20,)),
    layers.Dense(32, activation="relu"),
    layers.Dense(5, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=1, batch_size=16, verbose=0)
loss, acc = model.evaluate(x_test, y_test, verbose=0)
print(loss, acc)
