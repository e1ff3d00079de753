# MNIST CNN in the "99.55%" notebook style: two Conv2D blocks with ReLU, batch
# normalisation and max pooling, then a Dense(512) head. The BatchNormalization
# layers were written with axis=1, the channel axis of the Theano ordering.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(827)
X_train = rng.random((256, 28, 28)).astype("float32")
y_train = rng.integers(0, 10, size=256)

X_train = X_train.reshape(X_train.shape[0], 28, 28, 1)
Y_train = keras.utils.to_categorical(y_train, 10)

model = keras.Sequential()
model.add(keras.Input(shape=(28, 28, 1)))
model.add(layers.Conv2D(32, (3, 3)))
model.add(layers.Activation("relu"))
model.add(layers.BatchNormalization(axis=1))
model.add(layers.Conv2D(32, (3, 3)))
model.add(layers.Activation("relu"))
model.add(layers.MaxPooling2D(pool_size=(2, 2)))

model.add(layers.BatchNormalization(axis=1))
model.add(layers.Conv2D(64, (3, 3)))
model.add(layers.Activation("relu"))
model.add(layers.BatchNormalization(axis=1))
model.add(layers.Conv2D(64, (3, 3)))
model.add(layers.Activation("relu"))
model.add(layers.MaxPooling2D(pool_size=(2, 2)))

model.add(layers.Flatten())
model.add(layers.BatchNormalization())
model.add(layers.Dense(512))
model.add(layers.Activation("relu"))
model.add(layers.BatchNormalization())
model.add(layers.Dropout(0.2))
model.add(layers.Dense(10))
model.add(layers.Activation("softmax"))

model.compile(loss="categorical_crossentropy", optimizer=keras.optimizers.Adam(), metrics=["accuracy"])
model.fit(X_train, Y_train, batch_size=64, epochs=1, verbose=0)
print(model.predict(X_train[:4], verbose=0).argmax(axis=-1))
