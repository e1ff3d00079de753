import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

# Fashion-MNIST style grayscale images: (N, 28, 28), no channel axis.
x_train = np.random.rand(16, 28, 28).astype("float32")
y_train = np.random.randint(0, 10, size=(16,))

inputs = keras.Input(shape=(28, 28))
x = layers.Conv2D(32, (3, 3), activation="relu")(inputs)
x = layers.MaxPooling2D((2, 2))(x)
x = layers.Flatten()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x_train, y_train, epochs=1, batch_size=8, verbose=0)
