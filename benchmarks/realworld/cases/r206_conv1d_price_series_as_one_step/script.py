import numpy as np
from keras.models import Sequential
from keras.layers import Conv1D, Activation, MaxPooling1D, Flatten, Dense

# 256 windows of 101 consecutive prices, 4 outcome classes
prices = np.random.rand(256, 101).astype("float32")
outcomes = np.random.randint(0, 4, size=(256,))

X = prices.reshape(prices.shape[0], 1, 101)

conv = Sequential()
conv.add(Conv1D(64, 10, input_shape=(1, 101)))
conv.add(Activation("relu"))
conv.add(MaxPooling1D(2))
conv.add(Flatten())
conv.add(Dense(10))
conv.add(Activation("tanh"))
conv.add(Dense(4))
conv.add(Activation("softmax"))
conv.compile(loss="sparse_categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
conv.fit(X, outcomes, batch_size=32, epochs=1, verbose=0)
