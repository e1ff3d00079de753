import numpy as np
import keras
from keras.applications import EfficientNetB0

x_train = np.random.rand(32, 28, 28, 3).astype("float32") * 255.0
y_train = np.random.randint(0, 10, size=(32,))

base = EfficientNetB0(weights=None, input_shape=(28, 28, 3), include_top=False)
inputs = keras.Input(shape=(28, 28, 3))
x = base(inputs)
x = keras.layers.GlobalAveragePooling2D()(x)
outputs = keras.layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x_train, y_train, epochs=1, batch_size=8, verbose=0)
