import numpy as np
import keras
from keras import layers

# 200 grayscale 32x32 crops, two classes.
images = np.random.rand(200, 32, 32, 1).astype("float32")
labels = np.random.randint(0, 2, size=(200,))

model = keras.Sequential([
    layers.Conv2D(8, (3, 3), activation="relu", input_shape=images.shape),
    layers.MaxPooling2D((2, 2)),
    layers.Flatten(),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(images, labels, epochs=1, batch_size=32, verbose=0)
