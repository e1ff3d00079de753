import numpy as np
import keras
from keras import layers

# House prices from a photo montage and 4 numeric attributes (mixed data).
images = np.random.rand(32, 32, 32, 3).astype("float32")
attributes = np.random.rand(32, 4).astype("float32")
prices = np.random.rand(32, 1).astype("float32")

image_input = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(16, 3, padding="same", activation="relu")(image_input)
x = layers.MaxPooling2D(2)(x)
x = layers.Conv2D(32, 3, padding="same", activation="relu")(x)
x = layers.MaxPooling2D(2)(x)
x = layers.Dense(16, activation="relu")(x)
x = layers.Dense(4, activation="relu")(x)

attr_input = keras.Input(shape=(4,))
y = layers.Dense(8, activation="relu")(attr_input)
y = layers.Dense(4, activation="relu")(y)

combined = layers.Concatenate()([x, y])
z = layers.Dense(4, activation="relu")(combined)
price = layers.Dense(1)(z)
model = keras.Model(inputs=[image_input, attr_input], outputs=price)
model.compile(optimizer="adam", loss="mean_absolute_percentage_error")
model.fit([images, attributes], prices, epochs=1, batch_size=8, verbose=0)
