import numpy as np
import keras
from keras import layers

# CIFAR-10 sized images.
x_train = np.random.rand(16, 32, 32, 3).astype("float32")
y_train = np.random.randint(0, 10, size=(16,))

inputs = keras.Input(shape=(32, 32, 3))
base = keras.applications.InceptionV3(include_top=False, weights=None, input_tensor=inputs)
x = layers.GlobalAveragePooling2D()(base.output)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.summary()
