import numpy as np
import keras
from keras import layers

# Grayscale photos loaded as (samples, rows, cols): no channel axis.
img_data = np.random.rand(40, 32, 32).astype("float32")
labels = np.random.randint(0, 4, size=(40,))

input_shape = img_data[0].shape
model = keras.Sequential()
model.add(layers.Conv2D(16, (3, 3), activation="relu", input_shape=input_shape))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Flatten())
model.add(layers.Dense(4, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(img_data, labels, batch_size=8, epochs=1, verbose=0)
