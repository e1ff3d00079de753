import numpy as np
from tensorflow.keras.layers import Input, Conv2D, MaxPooling2D, Flatten, Dense
from tensorflow.keras.models import Model


def batch_generator(batch_size=8):
    while True:
        images = np.random.rand(batch_size, 224, 224, 3).astype("float32")
        labels = np.random.randint(0, 2, size=(batch_size, 1))
        yield images, labels


input_layer = Input(shape=(256, 256, 3), name="main_input")
x = Conv2D(8, 3, strides=4, activation="relu")(input_layer)
x = MaxPooling2D(4)(x)
x = Flatten()(x)
output = Dense(1, activation="sigmoid")(x)
model = Model(input_layer, output)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(batch_generator(), steps_per_epoch=2, epochs=1, verbose=0)
