# CRNN text recogniser: conv feature maps are reshaped into a sequence of column features for a BiLSTM.
import numpy as np
import keras
from keras import layers

img_width, img_height = 200, 200   # switched from 200x50 crops to square 200x200 crops
n_chars = 20
downsample_factor = 4

input_img = keras.Input(shape=(img_width, img_height, 1), name="image")
x = layers.Conv2D(32, 3, activation="relu", padding="same", name="conv1")(input_img)
x = layers.MaxPooling2D((2, 2), name="pool1")(x)
x = layers.Conv2D(64, 3, activation="relu", padding="same", name="conv2")(x)
x = layers.MaxPooling2D((2, 2), name="pool2")(x)

new_shape = (img_width // downsample_factor, 768)
x = layers.Reshape(target_shape=new_shape, name="reshape")(x)
x = layers.Dense(64, activation="relu", name="dense1")(x)
x = layers.Bidirectional(layers.LSTM(64, return_sequences=True))(x)
output = layers.Dense(n_chars + 1, activation="softmax", name="dense2")(x)

model = keras.Model(input_img, output, name="ocr_model")
model.summary()
print(model.predict(np.zeros((2, img_width, img_height, 1), "float32"), verbose=0).shape)
