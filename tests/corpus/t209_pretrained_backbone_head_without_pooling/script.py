import numpy as np
import keras
from keras import layers

# Transfer learning on 5 flower classes: a MobileNetV2 body (no top) and a new softmax head.
images = np.random.rand(24, 64, 64, 3).astype("float32")
labels = np.random.randint(0, 5, size=(24,))

base_model = keras.applications.MobileNetV2(input_shape=(64, 64, 3), include_top=False, weights=None)
base_model.trainable = False
model = keras.Sequential()
model.add(keras.Input(shape=(64, 64, 3)))
model.add(base_model)
model.add(layers.Dense(5, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(images, labels, epochs=1, batch_size=8, verbose=0)
