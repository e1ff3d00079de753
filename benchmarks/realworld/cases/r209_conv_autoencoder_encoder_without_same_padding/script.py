import numpy as np
from tensorflow.keras.layers import Input, Conv2D, MaxPooling2D, UpSampling2D
from tensorflow.keras.models import Model

# 64 grayscale 28 x 28 digits, reconstructed by the autoencoder
x_train = np.random.rand(64, 28, 28, 1).astype("float32")

input_img = Input(shape=(28, 28, 1))
x = Conv2D(16, (3, 3), activation="relu")(input_img)
x = MaxPooling2D((2, 2), padding="same")(x)
x = Conv2D(8, (3, 3), activation="relu")(x)
encoded = MaxPooling2D((2, 2), padding="same")(x)

x = Conv2D(8, (3, 3), activation="relu", padding="same")(encoded)
x = UpSampling2D((2, 2))(x)
x = Conv2D(16, (3, 3), activation="relu", padding="same")(x)
x = UpSampling2D((2, 2))(x)
decoded = Conv2D(1, (3, 3), activation="sigmoid", padding="same")(x)

autoencoder = Model(input_img, decoded)
autoencoder.compile(optimizer="adam", loss="binary_crossentropy")
autoencoder.fit(x_train, x_train, batch_size=16, epochs=1, verbose=0)
