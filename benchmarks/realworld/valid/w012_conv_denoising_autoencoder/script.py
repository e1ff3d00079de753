import numpy as np
from keras import layers
from keras.models import Model

train_data = np.random.rand(64, 28, 28, 1).astype("float32")
noisy_train_data = np.clip(train_data + 0.4 * np.random.normal(size=train_data.shape), 0.0, 1.0)

input = layers.Input(shape=(28, 28, 1))
x = layers.Conv2D(16, (3, 3), activation="relu", padding="same")(input)
x = layers.MaxPooling2D((2, 2), padding="same")(x)
x = layers.Conv2D(16, (3, 3), activation="relu", padding="same")(x)
x = layers.MaxPooling2D((2, 2), padding="same")(x)
x = layers.Conv2DTranspose(16, (3, 3), strides=2, activation="relu", padding="same")(x)
x = layers.Conv2DTranspose(16, (3, 3), strides=2, activation="relu", padding="same")(x)
x = layers.Conv2D(1, (3, 3), activation="sigmoid", padding="same")(x)

autoencoder = Model(input, x)
autoencoder.compile(optimizer="adam", loss="binary_crossentropy")
autoencoder.fit(noisy_train_data, train_data, epochs=1, batch_size=16, shuffle=True, verbose=0)
predictions = autoencoder.predict(noisy_train_data[:4], verbose=0)
print(predictions.shape)
