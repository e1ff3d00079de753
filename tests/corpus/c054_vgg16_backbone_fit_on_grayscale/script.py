import numpy as np
import keras
from keras import layers

# Grayscale images (one channel) for a VGG16 backbone built for RGB input.
train_gray = np.random.rand(16, 32, 32, 1).astype("float32")
train_labels = np.random.randint(0, 5, size=(16,))

backbone = keras.applications.VGG16(weights=None, include_top=False, input_shape=(32, 32, 3))
inputs = keras.Input(shape=(32, 32, 3))
x = backbone(inputs)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(5, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(train_gray, train_labels, batch_size=8, epochs=1, verbose=0)
