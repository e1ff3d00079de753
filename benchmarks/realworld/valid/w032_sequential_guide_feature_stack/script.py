import numpy as np
import keras
from keras import layers

model = keras.Sequential()
model.add(keras.Input(shape=(64, 64, 3)))
model.add(layers.Conv2D(16, 5, strides=2, activation="relu"))
model.add(layers.Conv2D(16, 3, activation="relu"))
model.add(layers.MaxPooling2D(3))
model.add(layers.Conv2D(16, 3, activation="relu"))
model.add(layers.Conv2D(16, 3, activation="relu"))
model.add(layers.MaxPooling2D(2))
model.add(layers.GlobalMaxPooling2D())
model.add(layers.Dense(10))

feature_extractor = keras.Model(inputs=model.inputs, outputs=[layer.output for layer in model.layers])
features = feature_extractor(np.ones((1, 64, 64, 3), dtype="float32"))
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit(np.random.rand(16, 64, 64, 3).astype("float32"), np.random.randint(0, 10, size=(16,)), epochs=1, verbose=0)
print(len(features))
