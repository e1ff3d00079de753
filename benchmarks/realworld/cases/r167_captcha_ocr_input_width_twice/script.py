import numpy as np
import keras
from keras import layers

img_width = 64
img_height = 16
vocab = 20

input_img = layers.Input(shape=(img_width, img_width, 1), name="image", dtype="float32")
x = layers.Conv2D(32, (3, 3), activation="relu", kernel_initializer="he_normal", padding="same", name="Conv1")(input_img)
x = layers.MaxPooling2D((2, 2), name="pool1")(x)
x = layers.Conv2D(64, (3, 3), activation="relu", kernel_initializer="he_normal", padding="same", name="Conv2")(x)
x = layers.MaxPooling2D((2, 2), name="pool2")(x)
new_shape = ((img_width // 4), (img_height // 4) * 64)
x = layers.Reshape(target_shape=new_shape, name="reshape")(x)
x = layers.Dense(64, activation="relu", name="dense1")(x)
x = layers.Dropout(0.2)(x)
x = layers.Bidirectional(layers.LSTM(32, return_sequences=True, dropout=0.25))(x)
output = layers.Dense(vocab + 1, activation="softmax", name="dense2")(x)
model = keras.models.Model(inputs=input_img, outputs=output, name="ocr_model_v1")
model.summary()
