import numpy as np
import keras

classes = 5
x_train = np.random.rand(24, 32, 32, 3).astype("float32")
y_train = keras.utils.to_categorical(np.random.randint(0, classes, size=(24,)), classes)

x = keras.layers.Input(shape=(32, 32, 3))
y = keras.layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(x)
y = keras.layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(y)
y = keras.layers.Conv2D(64, 3, strides=2, padding="same", activation="relu")(y)
y = keras.layers.Dense(classes, activation="softmax")(y)
y = keras.layers.Flatten()(y)
model = keras.models.Model(x, y)
model.compile("adam", "categorical_crossentropy", ["accuracy"])
model.fit(x_train, y_train, epochs=1, batch_size=8, verbose=0)
