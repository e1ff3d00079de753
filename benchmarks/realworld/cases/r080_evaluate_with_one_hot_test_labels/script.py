import numpy as np
import keras
from keras import layers

x_train = np.random.rand(200, 30).astype("float32")
y_train = np.random.randint(0, 4, size=(200,))
x_test = np.random.rand(50, 30).astype("float32")
y_test = np.random.randint(0, 4, size=(50,))
n_labels = len(np.unique(y_test))
test_labels_onehot = np.eye(n_labels)[y_test]

model = keras.Sequential([keras.Input(shape=(30,)), layers.Dense(16, activation="relu"), layers.Dense(4, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=1, batch_size=25, verbose=0)
print(model.evaluate(x_test, test_labels_onehot, verbose=0))
