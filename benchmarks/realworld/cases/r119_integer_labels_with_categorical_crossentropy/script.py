import numpy as np
from keras.models import Sequential
from keras.layers import Dense, Activation

X_train = np.random.rand(90, 2).astype("float32")
y_train = np.random.randint(0, 10, size=(90, 1))
input_dim = X_train.shape[1]

model = Sequential()
model.add(Dense(64, input_dim=input_dim))
model.add(Activation("relu"))
model.add(Dense(10))
model.add(Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="sgd", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=1, batch_size=30, verbose=0)
