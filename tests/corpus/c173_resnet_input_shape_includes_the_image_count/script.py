import numpy as np
import keras
from keras import layers

images = np.random.rand(40, 64, 64, 3).astype("float32")
masks = keras.utils.to_categorical(np.random.randint(0, 2, size=(40, 16, 16)), 2)

img_input = keras.Input(shape=(40, 64, 64, 3))
x = layers.ZeroPadding2D((3, 3))(img_input)
x = layers.Conv2D(16, (7, 7), strides=(2, 2))(x)
x = layers.BatchNormalization()(x)
x = layers.Activation("relu")(x)
x = layers.MaxPooling2D((3, 3), strides=(2, 2), padding="same")(x)
x = layers.Conv2D(2, (1, 1), activation="softmax")(x)
model = keras.Model(img_input, x)
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(images, masks, epochs=1, batch_size=8, verbose=0)
