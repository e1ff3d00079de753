import numpy as np
import keras
from keras import layers

# Trained on integer class ids; the test labels were one-hot encoded for a confusion matrix.
x_train = np.random.rand(80, 16).astype("float32")
y_train = np.random.randint(0, 4, size=(80,))
x_test = np.random.rand(24, 16).astype("float32")
y_test = keras.utils.to_categorical(np.random.randint(0, 4, size=(24,)), 4)

model = keras.Sequential([
    keras.Input(shape=(16,)),
    layers.Dense(32, activation="relu"),
    layers.Dense(4, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=1, batch_size=16, verbose=0)
print(model.evaluate(x_test, y_test, verbose=0))
