import numpy as np
import keras
from keras import layers

# Digits stored as (N, 28, 28), reshaped for a Theano-ordered (channels-first) tutorial.
raw_train = np.random.randint(0, 256, size=(96, 28, 28)).astype("uint8")
raw_test = np.random.randint(0, 256, size=(32, 28, 28)).astype("uint8")
n_train, height, width = raw_train.shape
n_test = raw_test.shape[0]
X_train = raw_train.reshape(n_train, 1, height, width).astype("float32") / 255
X_test = raw_test.reshape(n_test, 1, height, width).astype("float32") / 255
y_train = keras.utils.to_categorical(np.random.randint(0, 10, size=(n_train,)), 10)
y_test = keras.utils.to_categorical(np.random.randint(0, 10, size=(n_test,)), 10)

model = keras.Sequential()
model.add(layers.Conv2D(32, (3, 3), padding="valid", input_shape=(1, height, width)))
model.add(layers.Activation("relu"))
model.add(layers.Conv2D(32, (3, 3)))
model.add(layers.Activation("relu"))
model.add(layers.MaxPooling2D(pool_size=(2, 2)))
model.add(layers.Dropout(0.25))
model.add(layers.Flatten())
model.add(layers.Dense(128, activation="relu"))
model.add(layers.Dense(10, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X_train, y_train, batch_size=32, epochs=1, validation_data=(X_test, y_test))
loss, accuracy = model.evaluate(X_test, y_test)
