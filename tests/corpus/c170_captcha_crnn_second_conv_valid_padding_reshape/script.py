import numpy as np
import keras
from keras import layers

img_width = 200
img_height = 50
images = np.random.rand(4, img_width, img_height, 1).astype("float32")

input_img = layers.Input(shape=(img_width, img_height, 1))
x = layers.Conv2D(32, (3, 3), activation="relu", padding="same")(input_img)
x = layers.MaxPooling2D((2, 2))(x)
x = layers.Conv2D(64, (3, 3), activation="relu")(x)
x = layers.MaxPooling2D((2, 2))(x)
# two max pools of 2: the maps are 4x smaller, with 64 filters
new_shape = ((img_width // 4), (img_height // 4) * 64)
x = layers.Reshape(target_shape=new_shape)(x)
x = layers.Dense(64, activation="relu")(x)
x = layers.Bidirectional(layers.LSTM(32, return_sequences=True))(x)
outputs = layers.Dense(20, activation="softmax")(x)
model = keras.Model(input_img, outputs)
print(model.predict(images, verbose=0).shape)
