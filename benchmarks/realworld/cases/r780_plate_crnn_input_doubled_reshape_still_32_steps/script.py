# CRNN licence-plate reader (VGG-style convolutions, reshape to a sequence of columns,
# bidirectional LSTMs, CTC loss). The network was written for 128x64 plates; the plate
# crops were enlarged to 256x128 to read smaller characters.
import numpy as np
import keras
from keras import layers

CHARSET = "adefghjknqrstwABCDEFGHIJKLMNOPZ0123456789"
NUM_CLASSES = len(CHARSET) + 1
IMG_W, IMG_H = 256, 128
MAX_TEXT_LEN = 9


def conv_bn(x, filters, kernel=3):
    x = layers.Conv2D(filters, kernel, padding="same")(x)
    x = layers.BatchNormalization()(x)
    return layers.Activation("relu")(x)


def plate_reader():
    plate = keras.Input(shape=(IMG_W, IMG_H, 1), name="plate")
    x = conv_bn(plate, 8)
    x = layers.MaxPooling2D(pool_size=(2, 2))(x)
    x = conv_bn(x, 16)
    x = layers.MaxPooling2D(pool_size=(2, 2))(x)
    x = conv_bn(x, 32)
    x = conv_bn(x, 32)
    x = layers.MaxPooling2D(pool_size=(1, 2))(x)
    x = conv_bn(x, 64)
    x = conv_bn(x, 64)
    x = layers.MaxPooling2D(pool_size=(1, 2))(x)
    x = conv_bn(x, 64, kernel=2)
    x = layers.Reshape(target_shape=(32, 256))(x)
    x = layers.Dense(32, activation="relu")(x)
    fwd = layers.LSTM(32, return_sequences=True)(x)
    bwd = layers.LSTM(32, return_sequences=True, go_backwards=True)(x)
    x = layers.Add()([fwd, bwd])
    x = layers.BatchNormalization()(x)
    x = layers.Bidirectional(layers.LSTM(32, return_sequences=True))(x)
    chars = layers.Dense(NUM_CLASSES, activation="softmax")(x)
    return keras.Model(plate, chars)


model = plate_reader()
model.compile(optimizer="adam", loss=keras.losses.CTC())
rng = np.random.default_rng(8)
plates = rng.random((8, IMG_W, IMG_H, 1)).astype("float32")
texts = rng.integers(0, NUM_CLASSES - 1, size=(8, MAX_TEXT_LEN)).astype("int32")
model.fit(plates, texts, batch_size=4, epochs=1, verbose=0)
print("steps per plate:", model.output_shape[1])
