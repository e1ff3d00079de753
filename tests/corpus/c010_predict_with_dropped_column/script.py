import numpy as np
import keras
from keras import layers

# Trained on 64 engineered features...
model = keras.Sequential()
model.add(layers.Dense(32, activation="relu", input_shape=(64,)))
model.add(layers.Dropout(0.1))
model.add(layers.Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy")

# ...but at inference time the preprocessing only keeps one column.
x_new = np.random.rand(10, 64).astype("float32")
x_new = x_new[:, :1]
print(model.predict(x_new, verbose=0).shape)
