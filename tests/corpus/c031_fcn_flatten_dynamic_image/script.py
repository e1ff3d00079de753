import numpy as np
import keras
from keras import layers

# Accept images of any size...
model = keras.Sequential([
    keras.Input(shape=(None, None, 3)),
    layers.Conv2D(32, 3, padding="same", activation="relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(64, 3, padding="same", activation="relu"),
    layers.Flatten(),
    layers.Dense(2, activation="softmax"),
])
print(model.predict(np.random.rand(2, 64, 64, 3), verbose=0).shape)
