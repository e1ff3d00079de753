import numpy as np
import keras
from keras import layers

# Variable-size images: GlobalAveragePooling2D removes the None spatial dims
# before the Dense layer, so this is legal.
inputs = keras.Input(shape=(None, None, 3))
x = layers.Conv2D(16, 3, activation="relu")(inputs)
x = layers.MaxPooling2D()(x)
x = layers.Conv2D(32, 3, activation="relu")(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(5, activation="softmax")(x)
model = keras.Model(inputs, outputs)
print(model.predict(np.random.rand(2, 40, 56, 3), verbose=0).shape)
print(model.predict(np.random.rand(2, 24, 24, 3), verbose=0).shape)
