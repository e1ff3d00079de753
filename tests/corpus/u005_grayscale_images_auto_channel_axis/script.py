import numpy as np
import keras
from keras import layers

# Grayscale images as (N, 28, 28) into a model declared for (28, 28, 1):
# Keras 3 functional models add the trailing channel axis of size 1.
x_train = np.random.rand(32, 28, 28).astype("float32")
y_train = np.random.randint(0, 10, size=(32,))

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(8, 3, activation="relu"),
    layers.MaxPooling2D(2),
    layers.Flatten(),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=1, batch_size=8, verbose=0)
print(model.predict(x_train[:2], verbose=0).shape)
