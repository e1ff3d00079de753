import numpy as np
import keras
from keras import layers

# Grayscale scans, 64x64, no channel axis.
x_train = np.random.rand(16, 64, 64).astype("float32")
y_train = np.random.randint(0, 4, size=(16,))

base = keras.applications.ResNet50(include_top=False, weights=None, input_shape=(64, 64))
model = keras.Sequential([base, layers.GlobalAveragePooling2D(), layers.Dense(4, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.summary()
