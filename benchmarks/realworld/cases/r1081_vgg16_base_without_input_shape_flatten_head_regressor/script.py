import numpy as np
import keras
from keras.applications import VGG16
from keras.layers import Flatten, Dense, Dropout
from keras.models import Model

rng = np.random.default_rng(3)
images = rng.random((40, 64, 64, 3)).astype("float32")
targets = rng.random((40, 1)).astype("float32")

# weights=None keeps this quick test offline
base_model = VGG16(weights=None, include_top=False)
for layer in base_model.layers:
    layer.trainable = False

x = base_model.output
x = Flatten()(x)
x = Dense(100, activation="relu")(x)
x = Dropout(0.2)(x)
x = Dense(50, activation="relu")(x)
x = Dropout(0.2)(x)
x = Dense(10, activation="relu")(x)
x = Dense(1, activation="linear")(x)

model = Model(inputs=base_model.input, outputs=x)
model.compile(optimizer="adam", loss="mse")
model.fit(images, targets, batch_size=8, epochs=1, verbose=2)
print("trained")
