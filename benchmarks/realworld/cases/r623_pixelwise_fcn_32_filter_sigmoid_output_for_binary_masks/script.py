# Pixel-wise segmentation of 60x80 grey frames into object / background with the simplest
# fully convolutional network: same-padded 3x3 convolutions and a sigmoid per pixel,
# trained with binary cross-entropy against one binary matrix per frame.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(2526)
X = rng.random((24, 60, 80, 1)).astype("float32")
y = (X[..., 0] > 0.6).astype("float32")          # n binary matrices of 60 x 80

model = keras.Sequential()
model.add(keras.Input(shape=(X.shape[1], X.shape[2], 1)))
model.add(layers.Conv2D(16, (3, 3), padding="same", activation="relu"))
model.add(layers.Conv2D(32, (3, 3), padding="same"))
model.add(layers.Activation("sigmoid"))
sgd = keras.optimizers.SGD(learning_rate=0.1, momentum=0.9, nesterov=True)
model.compile(loss="binary_crossentropy", optimizer=sgd)
model.fit(X, y, batch_size=8, epochs=1, verbose=0)
print(model.predict(X[:1], verbose=0).shape)
