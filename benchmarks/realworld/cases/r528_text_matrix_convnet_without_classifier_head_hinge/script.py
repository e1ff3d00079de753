# Binary classifier over 100x100 "text images" (100 word vectors of 100 dims per document) with a small convnet.
import numpy as np
from keras.models import Sequential
from keras.layers import Reshape, Conv2D, Activation
from keras.optimizers import SGD

rng = np.random.default_rng(2668)
test3dArray = rng.random((127, 100, 100)).astype("float32")
testLabels = rng.integers(2, size=127)

sequential = Sequential()
sequential.add(Reshape((100, 100, 1), input_shape=(100, 100)))
sequential.add(Conv2D(10, (3, 3), padding="same"))
sequential.add(Activation("relu"))

sgd = SGD(learning_rate=0.01, momentum=0.9, nesterov=True)
sequential.compile(loss="hinge", optimizer=sgd)
sequential.fit(test3dArray, testLabels, epochs=1, batch_size=32, verbose=0)
print(sequential.evaluate(test3dArray, testLabels, verbose=0))
