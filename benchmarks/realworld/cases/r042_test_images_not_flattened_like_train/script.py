import numpy as np
import keras

X_train = np.random.randint(0, 256, size=(500, 28, 28))
y_train = np.random.randint(0, 10, size=(500,))
X_test = np.random.randint(0, 256, size=(100, 28, 28))
y_test = np.random.randint(0, 10, size=(100,))

X_train = X_train.reshape(X_train.shape[0], 784).astype("float64") / 255
X_test = X_test.astype("float64") / 255

model = keras.Sequential()
model.add(keras.layers.Dense(512, input_dim=784, activation="relu"))
model.add(keras.layers.Dense(10, activation="softmax"))
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=1, batch_size=100, verbose=0)
print(model.evaluate(X_test, y_test, verbose=0))
