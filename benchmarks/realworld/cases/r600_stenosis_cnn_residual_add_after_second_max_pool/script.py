# Functional CNN for stenosis detection on 224x224 angiogram frames, with residual
# "blocks": each block's output is added to the previous block's output.
import numpy as np
import keras
from keras.layers import (Input, Conv2D, LeakyReLU, RandomFlip, BatchNormalization,
                          MaxPool2D, Add, GlobalAveragePooling2D, Dense)

visible = Input(shape=(224, 224, 3))
x = Conv2D(32, (3, 3), padding="same", name="conv_1")(visible)
x = LeakyReLU(negative_slope=0.1)(x)
x = RandomFlip(mode="horizontal", seed=None)(x)
x = BatchNormalization()(x)
block_1 = MaxPool2D(pool_size=(2, 2), padding="same")(x)

x = Conv2D(32, (3, 3), padding="same", name="conv_2")(block_1)
x = LeakyReLU(negative_slope=0.1)(x)
x = BatchNormalization()(x)
x = MaxPool2D(pool_size=(2, 2), padding="same")(x)
block_2 = Add()([x, block_1])

x = Conv2D(64, (3, 3), padding="same", name="conv_3")(block_2)
x = LeakyReLU(negative_slope=0.1)(x)
x = GlobalAveragePooling2D()(x)
output = Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs=visible, outputs=output)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])

frames = np.random.default_rng(16925).random((8, 224, 224, 3)).astype("float32")
print(model.predict(frames, verbose=0).shape)
