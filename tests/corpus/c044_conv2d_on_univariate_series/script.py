import numpy as np
import keras
from keras import layers

# Univariate series classification: 500 steps, one reading per step.
x_train = np.random.rand(40, 500, 1).astype("float32")
y_train = np.random.randint(0, 2, size=(40,))

input_layer = keras.Input(shape=(500, 1))
x = layers.Conv2D(filters=64, kernel_size=3, padding="same")(input_layer)
x = layers.BatchNormalization()(x)
x = layers.ReLU()(x)
x = layers.Conv1D(filters=64, kernel_size=3, padding="same")(x)
x = layers.BatchNormalization()(x)
x = layers.ReLU()(x)
x = layers.GlobalAveragePooling1D()(x)
output_layer = layers.Dense(2, activation="softmax")(x)
model = keras.Model(inputs=input_layer, outputs=output_layer)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x_train, y_train, batch_size=8, epochs=1, verbose=0)
