import numpy as np
import keras
from keras import layers

x_train = np.random.rand(32, 28, 28, 1).astype("float32")
y_train = np.random.randint(0, 10, size=(32,))
x_test = np.random.rand(8, 28, 28, 1).astype("float32")

inputs = keras.Input(shape=(28, 28, 1))
h = layers.Conv2D(8, 3, activation="relu")(inputs)
h = layers.MaxPooling2D(2)(h)
h = layers.Flatten()(h)
outputs = layers.Dense(10, activation="softmax")(h)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x_train, y_train, epochs=1, batch_size=8, verbose=0)

# Classify one test digit: indexing drops the batch axis -> (28, 28, 1).
digit = x_test[3]
probs = model.predict(digit, verbose=0)
print(probs.argmax())
