import numpy as np
import keras
from keras import layers

# Images collected one by one into Python lists; 5 regression values per image.
data_list = [np.random.rand(32, 32, 3).astype("float32") for _ in range(40)]
y = [np.random.rand(5).astype("float32") for _ in range(40)]

inputs = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(8, 3, activation="relu")(inputs)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(5)(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(data_list, y, epochs=1, batch_size=8, verbose=0)
