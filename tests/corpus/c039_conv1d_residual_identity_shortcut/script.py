import numpy as np
import keras
from keras import layers


def residual_block(x, filters, conv_num=3):
    # The shortcut is the block input itself, without a 1x1 projection.
    s = x
    for i in range(conv_num - 1):
        x = layers.Conv1D(filters, 3, padding="same")(x)
        x = layers.Activation("relu")(x)
    x = layers.Conv1D(filters, 3, padding="same")(x)
    x = layers.Add()([x, s])
    x = layers.Activation("relu")(x)
    return layers.MaxPool1D(pool_size=2, strides=2)(x)


# Speaker recognition on raw audio: (samples, 1) waveforms, 1-D conv residual blocks.
inputs = keras.Input(shape=(800, 1))
x = residual_block(inputs, 16, 2)
x = residual_block(x, 32, 2)
x = layers.AveragePooling1D(pool_size=3, strides=3)(x)
x = layers.Flatten()(x)
x = layers.Dense(64, activation="relu")(x)
outputs = layers.Dense(5, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
x_train = np.random.rand(8, 800, 1).astype("float32")
y_train = np.random.randint(0, 5, size=(8,))
model.fit(x_train, y_train, epochs=1, verbose=0)
