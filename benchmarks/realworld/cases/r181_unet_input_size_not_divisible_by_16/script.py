import numpy as np
from tensorflow.keras.layers import Input, Conv2D, MaxPooling2D, UpSampling2D, Concatenate
from tensorflow.keras.models import Model

IMG_SIZE = (200, 200)  # the user's own images, resized to 200x200


def unet(input_size=(256, 256, 1)):
    inputs = Input(input_size)
    c1 = Conv2D(8, 3, activation="relu", padding="same")(inputs)
    p1 = MaxPooling2D(pool_size=(2, 2))(c1)
    c2 = Conv2D(16, 3, activation="relu", padding="same")(p1)
    p2 = MaxPooling2D(pool_size=(2, 2))(c2)
    c3 = Conv2D(32, 3, activation="relu", padding="same")(p2)
    p3 = MaxPooling2D(pool_size=(2, 2))(c3)
    c4 = Conv2D(64, 3, activation="relu", padding="same")(p3)
    p4 = MaxPooling2D(pool_size=(2, 2))(c4)
    c5 = Conv2D(128, 3, activation="relu", padding="same")(p4)
    u6 = Conv2D(64, 2, activation="relu", padding="same")(UpSampling2D(size=(2, 2))(c5))
    m6 = Concatenate(axis=3)([c4, u6])
    c6 = Conv2D(64, 3, activation="relu", padding="same")(m6)
    u7 = Conv2D(32, 2, activation="relu", padding="same")(UpSampling2D(size=(2, 2))(c6))
    m7 = Concatenate(axis=3)([c3, u7])
    c7 = Conv2D(32, 3, activation="relu", padding="same")(m7)
    u8 = Conv2D(16, 2, activation="relu", padding="same")(UpSampling2D(size=(2, 2))(c7))
    m8 = Concatenate(axis=3)([c2, u8])
    c8 = Conv2D(16, 3, activation="relu", padding="same")(m8)
    u9 = Conv2D(8, 2, activation="relu", padding="same")(UpSampling2D(size=(2, 2))(c8))
    m9 = Concatenate(axis=3)([c1, u9])
    c9 = Conv2D(8, 3, activation="relu", padding="same")(m9)
    outputs = Conv2D(1, 1, activation="sigmoid")(c9)
    return Model(inputs, outputs)


images = np.random.rand(4, *IMG_SIZE, 1).astype("float32")
masks = (np.random.rand(4, *IMG_SIZE, 1) > 0.5).astype("float32")
model = unet(input_size=(*IMG_SIZE, 1))
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(images, masks, batch_size=2, epochs=1, verbose=0)
