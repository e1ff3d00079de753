import numpy as np
import keras
from keras import layers

n_blocks = 3
feature_maps = 8

inputs = keras.Input(shape=(32, 32, 1))
convs = [layers.Conv2D(feature_maps, 3, padding="same")] * n_blocks
h = inputs
for conv in convs:
    z = conv(h)
    h = layers.Activation("relu")(z)
h = layers.GlobalAveragePooling2D()(h)
outputs = layers.Dense(1, activation="sigmoid")(h)
model = keras.Model(inputs, outputs)

scans = np.random.rand(8, 32, 32, 1).astype("float32")
labels = np.random.randint(0, 2, size=(8, 1)).astype("float32")
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(scans, labels, epochs=1, batch_size=4, verbose=0)
