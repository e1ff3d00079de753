import numpy as np
import keras
from keras import layers

# Images exported from a PyTorch pipeline: (N, C, H, W).
img = np.random.rand(64, 3, 64, 64).astype("float32")
labels = np.random.randint(0, 4, size=(64,))

model = keras.Sequential([
    keras.Input(shape=(64, 64, 3)),
    layers.Conv2D(16, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.GlobalAveragePooling2D(),
    layers.Dense(4, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(img, labels, epochs=1, batch_size=16, verbose=0)
