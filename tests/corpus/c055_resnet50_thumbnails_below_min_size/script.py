import numpy as np
import keras
from keras import layers

# Small 24x24 RGB thumbnails for a ResNet50 trained from scratch.
x_train = np.random.rand(8, 24, 24, 3).astype("float32")
y_train = np.random.randint(0, 2, size=(8,))

base = keras.applications.ResNet50(include_top=False, weights=None, input_shape=x_train.shape[1:])
x = layers.GlobalAveragePooling2D()(base.output)
outputs = layers.Dense(2, activation="softmax")(x)
model = keras.Model(base.input, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x_train, y_train, batch_size=4, epochs=1, verbose=0)
