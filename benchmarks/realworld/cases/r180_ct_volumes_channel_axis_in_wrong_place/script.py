import numpy as np
import keras
from keras import layers


def get_model(width=32, height=32, depth=16):
    inputs = keras.Input((width, height, depth, 1))
    x = layers.Conv3D(filters=8, kernel_size=3, activation="relu")(inputs)
    x = layers.MaxPool3D(pool_size=2)(x)
    x = layers.BatchNormalization()(x)
    x = layers.GlobalAveragePooling3D()(x)
    x = layers.Dense(units=32, activation="relu")(x)
    outputs = layers.Dense(units=1, activation="sigmoid")(x)
    return keras.Model(inputs, outputs, name="3dcnn")


volumes = np.random.rand(8, 32, 32, 16).astype("float32")
labels = np.random.randint(0, 2, size=(8,))
volumes = np.expand_dims(volumes, axis=3)
model = get_model(width=32, height=32, depth=16)
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["acc"])
model.fit(volumes, labels, batch_size=2, epochs=1, verbose=0)
