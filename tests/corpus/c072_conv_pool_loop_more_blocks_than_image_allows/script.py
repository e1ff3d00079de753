import numpy as np
import keras
from keras import layers

inputs = keras.Input(shape=(16, 16, 3))
x = inputs
for filters in [32, 64, 128, 256, 512]:
    x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    x = layers.MaxPooling2D(pool_size=2)(x)
x = layers.Flatten()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)

images = np.random.rand(8, 16, 16, 3).astype("float32")
labels = np.random.randint(0, 10, size=(8,))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(images, labels, epochs=1, batch_size=4, verbose=0)
