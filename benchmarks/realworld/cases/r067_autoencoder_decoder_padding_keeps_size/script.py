import numpy as np
from keras.models import Sequential
from keras.layers import Input, Conv2D, MaxPooling2D, UpSampling2D

X_train = np.random.rand(64, 28, 28, 1).astype("float32")

autoencoder = Sequential()
autoencoder.add(Input(shape=(28, 28, 1)))
autoencoder.add(Conv2D(16, kernel_size=3, padding="same", activation="relu"))
autoencoder.add(MaxPooling2D(pool_size=2, padding="same"))
autoencoder.add(Conv2D(8, kernel_size=3, activation="relu", padding="same"))
autoencoder.add(MaxPooling2D(pool_size=2, padding="same"))
autoencoder.add(Conv2D(8, kernel_size=3, strides=2, padding="same", activation="relu"))
autoencoder.add(Conv2D(8, kernel_size=3, padding="same", activation="relu"))
autoencoder.add(UpSampling2D())
autoencoder.add(Conv2D(8, kernel_size=3, padding="same", activation="relu"))
autoencoder.add(UpSampling2D())
autoencoder.add(Conv2D(16, kernel_size=3, padding="same", activation="relu"))
autoencoder.add(UpSampling2D())
autoencoder.add(Conv2D(1, kernel_size=3, padding="same", activation="sigmoid"))
autoencoder.compile(optimizer="adam", loss="binary_crossentropy")
autoencoder.fit(X_train, X_train, epochs=1, batch_size=16, verbose=0)
