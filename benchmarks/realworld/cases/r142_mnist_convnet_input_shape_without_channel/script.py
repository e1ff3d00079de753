import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

num_classes = 10
input_shape = (28, 28)
x_train = np.random.rand(60, 28, 28).astype("float32")
x_train = np.expand_dims(x_train, -1)
y_train = keras.utils.to_categorical(np.random.randint(0, 10, size=(60,)), num_classes)

model = keras.Sequential(
    [
        keras.Input(shape=input_shape),
        layers.Conv2D(8, kernel_size=(3, 3), activation="relu"),
        layers.MaxPooling2D(pool_size=(2, 2)),
        layers.Flatten(),
        layers.Dense(num_classes, activation="softmax"),
    ]
)
model.compile(loss="categorical_crossentropy", optimizer="adam")
model.fit(x_train, y_train, batch_size=20, epochs=1, verbose=0)
