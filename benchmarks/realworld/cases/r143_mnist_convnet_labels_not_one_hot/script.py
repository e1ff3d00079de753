import numpy as np
import keras
from keras import layers

num_classes = 10
x_train = np.random.rand(60, 28, 28).astype("float32")
y_train = np.random.randint(0, 10, size=(60,))
x_train = np.expand_dims(x_train, -1)

model = keras.Sequential(
    [
        keras.Input(shape=(28, 28, 1)),
        layers.Conv2D(8, kernel_size=(3, 3), activation="relu"),
        layers.MaxPooling2D(pool_size=(2, 2)),
        layers.Flatten(),
        layers.Dense(num_classes, activation="softmax"),
    ]
)
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=20, epochs=1, verbose=0)
