import numpy as np
import keras
from keras import layers

# Two photos, each already given a batch axis of its own: (1, 48, 48, 3).
rng = np.random.default_rng(216)
template_array = rng.random((48, 48, 3)).astype("float32").reshape((1, 48, 48, 3))
actual_array = rng.random((48, 48, 3)).astype("float32").reshape((1, 48, 48, 3))
train_x = [template_array, actual_array]
y_train = np.array([1, 0])

model = keras.Sequential([
    layers.InputLayer(shape=(48, 48, 3)),
    layers.Conv2D(8, (3, 3), activation="relu"),
    layers.MaxPooling2D((2, 2)),
    layers.Flatten(),
    layers.Dense(2, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x=train_x, y=y_train, epochs=1, verbose=0)
